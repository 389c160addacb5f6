using System.Globalization;
using System.Text;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Per-case predictions of a trial as a tab-separated file with header
/// <c>cohort, role, case_id, label (0/1), probability</c> (round-trip precision); the leaderboard's paired DeLong
/// tests read it. Cohort names and case ids must not contain tabs or line breaks.
/// </summary>
public static class PredictionsFile
{
    /// <summary>File name inside a trial's artefact folder.</summary>
    public const string FileName = "predictions.tsv";

    private const string Header = "cohort\trole\tcase_id\tlabel\tprobability";

    /// <summary>Writes <paramref name="predictions"/> to <paramref name="path"/>.</summary>
    public static void Write(string path, IEnumerable<CohortPredictions> predictions)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        var text = new StringBuilder().AppendLine(Header);
        foreach (var cohort in predictions)
        {
            RequirePlain(cohort.Cohort, "cohort name");
            for (var i = 0; i < cohort.CaseIds.Count; i++)
            {
                RequirePlain(cohort.CaseIds[i], "case id");
                text.Append(cohort.Cohort).Append('\t').Append(cohort.Role).Append('\t').Append(cohort.CaseIds[i]).Append('\t')
                    .Append(cohort.Labels[i] ? '1' : '0').Append('\t')
                    .AppendLine(cohort.Probabilities[i].ToString("R", CultureInfo.InvariantCulture));
            }
        }

        File.WriteAllText(path, text.ToString());
    }

    /// <summary>Reads a file written by <see cref="Write"/>; cohorts keep their order of first appearance.</summary>
    public static IReadOnlyList<CohortPredictions> Read(string path)
    {
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != Header)
        {
            throw new InvalidDataException($"Predictions file '{path}' lacks the header '{Header.Replace('\t', ',')}'.");
        }

        var cohorts = new List<(string Name, CohortRole Role, List<string> Ids, List<bool> Labels, List<double> P)>();
        for (var line = 1; line < lines.Length; line++)
        {
            var fields = lines[line].Split('\t');
            if (fields.Length != 5 || !Enum.TryParse<CohortRole>(fields[1], out var role) || fields[3] is not ("0" or "1")
                || !double.TryParse(fields[4], NumberStyles.Float, CultureInfo.InvariantCulture, out var probability))
            {
                throw new InvalidDataException($"Predictions file '{path}', line {line + 1}: expected cohort, role, case id, 0/1, probability.");
            }

            var index = cohorts.FindIndex(c => c.Name == fields[0]);
            if (index < 0)
            {
                cohorts.Add((fields[0], role, [], [], []));
                index = cohorts.Count - 1;
            }

            cohorts[index].Ids.Add(fields[2]);
            cohorts[index].Labels.Add(fields[3] == "1");
            cohorts[index].P.Add(probability);
        }

        return cohorts.Select(c => new CohortPredictions(c.Name, c.Role, c.Ids, c.Labels, c.P)).ToArray();
    }

    private static void RequirePlain(string text, string what)
    {
        if (text.AsSpan().IndexOfAny('\t', '\n', '\r') >= 0)
        {
            throw new ArgumentException($"The {what} '{text}' contains a tab or line break and cannot be written to {FileName}.");
        }
    }
}
