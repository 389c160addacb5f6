using System.Globalization;
using System.Text;
using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The generative truth of one synthetic case, as written to <see cref="FileName"/> beside the manifest: the label
/// model's logit and probability of each target it models, and the latent image factors. A CT case carries the pN+
/// model (<see cref="LabelModel"/>, centre shift included) for the target <c>label</c>; a PET/CT case the nodal stage
/// model's (<see cref="NodalStageModel"/>) label = P(stage ≥ N1), n1 = P(stage = N1), n2 = P(stage ≥ N2).
/// The file is for measuring the ceiling (the oracle AUC) only: the manifest does not reference it, and neither the
/// manifest reader nor the radiomics or feature readers open it, so it can never become a feature.
/// </summary>
/// <param name="Id">Case id, as in the manifest.</param>
/// <param name="Logits">Log-odds per target; a target whose probability is a difference of cumulative ones (n1) has none.</param>
/// <param name="Probabilities">The model's probability of each target being 1.</param>
/// <param name="Factors">Latent image factors (spiculation, heterogeneity, lobulation, peritumoral; metabolic on PET/CT).</param>
public sealed record SyntheticTruth(
    string Id,
    IReadOnlyDictionary<string, double> Logits,
    IReadOnlyDictionary<string, double> Probabilities,
    IReadOnlyDictionary<string, double> Factors)
{
    /// <summary>The truth file's name, in the folder of the generated <c>manifest.csv</c>.</summary>
    public const string FileName = "truth.csv";

    /// <summary>The truth of a CT case of <paramref name="patient"/> at a centre with <paramref name="centreShift"/>.</summary>
    public static SyntheticTruth Of(string id, SyntheticPatient patient, double centreShift) => new(
        id,
        new Dictionary<string, double> { [Targets.Default] = LabelModel.Logit(patient, centreShift) },
        new Dictionary<string, double> { [Targets.Default] = LabelModel.Probability(patient, centreShift) },
        FactorsOf(patient));

    /// <summary>The truth of a PET/CT case of <paramref name="patient"/> at a centre with <paramref name="centreShift"/>.</summary>
    public static SyntheticTruth Of(string id, PetCtPatient patient, double centreShift)
    {
        var eta = NodalStageModel.LinearPredictor(patient) + centreShift;
        var atLeastN1 = NodalStageModel.ProbabilityAtLeast(NodalStage.N1, patient, centreShift);
        var atLeastN2 = NodalStageModel.ProbabilityAtLeast(NodalStage.N2, patient, centreShift);
        var factors = new Dictionary<string, double>(FactorsOf(patient.Ct)) { ["metabolic"] = patient.Metabolic };
        return new SyntheticTruth(
            id,
            new Dictionary<string, double> { [Targets.Default] = NodalStageModel.InterceptN1 + eta, ["n2"] = NodalStageModel.InterceptN2 + eta },
            new Dictionary<string, double> { [Targets.Default] = atLeastN1, ["n1"] = atLeastN1 - atLeastN2, ["n2"] = atLeastN2 },
            factors);
    }

    /// <summary>
    /// Writes <paramref name="truths"/> (all with the same targets and factors) to <paramref name="path"/> atomically:
    /// columns <c>id</c>, <c>&lt;target&gt;_logit</c>, <c>&lt;target&gt;_probability</c>, then the factors; numbers round-trip.
    /// </summary>
    public static void Write(IReadOnlyList<SyntheticTruth> truths, string path)
    {
        var first = truths[0];
        var logits = first.Logits.Keys.ToArray();
        var probabilities = first.Probabilities.Keys.ToArray();
        var factors = first.Factors.Keys.ToArray();
        var s = new StringBuilder().AppendJoin(',', new[] { "id" }
            .Concat(logits.Select(t => t + "_logit")).Concat(probabilities.Select(t => t + "_probability")).Concat(factors)).Append('\n');
        foreach (var truth in truths)
        {
            s.AppendJoin(',', new[] { truth.Id }
                .Concat(logits.Select(t => Num(truth.Logits[t])))
                .Concat(probabilities.Select(t => Num(truth.Probabilities[t])))
                .Concat(factors.Select(f => Num(truth.Factors[f])))).Append('\n');
        }

        DurableFile.WriteAllText(path, s.ToString());
    }

    /// <summary>
    /// The probability of <paramref name="target"/> per case id from the truth file at <paramref name="path"/>, or null
    /// when the file does not model that target.
    /// </summary>
    public static IReadOnlyDictionary<string, double>? ReadProbabilities(string path, string target)
    {
        var lines = File.ReadAllLines(path);
        var column = Array.IndexOf(lines[0].Split(','), target + "_probability");
        return column < 0
            ? null
            : lines.Skip(1).Where(l => l.Length > 0).Select(l => l.Split(','))
                .ToDictionary(f => f[0], f => double.Parse(f[column], CultureInfo.InvariantCulture), StringComparer.Ordinal);
    }

    private static Dictionary<string, double> FactorsOf(SyntheticPatient patient) => new()
    {
        ["spiculation"] = patient.Spiculation,
        ["heterogeneity"] = patient.Heterogeneity,
        ["lobulation"] = patient.Lobulation,
        ["peritumoral"] = patient.Peritumoral,
    };

    private static string Num(double value) => value.ToString("R", CultureInfo.InvariantCulture);
}
