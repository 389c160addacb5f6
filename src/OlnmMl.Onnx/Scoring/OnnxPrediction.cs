using System.Globalization;
using System.Text;

namespace OlnmMl.Onnx.Scoring;

/// <summary>Entry point of <c>olnm predict --model model.onnx --data D --out scores.csv</c>.</summary>
public static class OnnxPrediction
{
    /// <summary>
    /// Scores the feature table <paramref name="dataPath"/> (CSV: case id, then one column per
    /// radiomics feature, named as in the model's <c>radiomics</c> input contract, any order,
    /// extra columns ignored) with the tabular model <paramref name="modelPath"/> and writes
    /// <c>case_id,probability</c> rows to <paramref name="outPath"/>. Returns the number of cases.
    /// </summary>
    /// <exception cref="ArgumentException">Features are missing, a value is not a number or not finite, or the model needs inputs a table cannot give (an image).</exception>
    public static int PredictCsv(string modelPath, string dataPath, string outPath)
    {
        using var scorer = new OnnxScorer(modelPath);
        if (scorer.InputShapes.Count != 1)
        {
            throw new ArgumentException(
                $"Model '{modelPath}' takes inputs {string.Join(", ", scorer.InputShapes.Keys)}; a feature table can only feed a single radiomics input.",
                nameof(modelPath));
        }

        var inputName = scorer.InputShapes.Keys.First();
        var contract = scorer.Metadata.Inputs.FirstOrDefault(c => c.Name == inputName);
        if (contract is null || contract.SlotNames.Count == 0)
        {
            throw new ArgumentException(
                $"Model '{modelPath}' does not name the features of input '{inputName}' in its metadata, so table columns cannot be matched.",
                nameof(modelPath));
        }

        var table = FeatureTable.Read(dataPath, contract.SlotNames);
        var probabilities = table.CaseIds.Count == 0
            ? []
            : scorer.Predict(table.Values, [table.CaseIds.Count, table.FeatureCount]);
        var text = new StringBuilder("case_id,probability\n");
        for (var i = 0; i < probabilities.Length; i++)
        {
            text.Append(table.CaseIds[i]).Append(',').Append(probabilities[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        var folder = Path.GetDirectoryName(Path.GetFullPath(outPath));
        if (!string.IsNullOrEmpty(folder))
        {
            Directory.CreateDirectory(folder);
        }

        File.WriteAllText(outPath, text.ToString());
        return probabilities.Length;
    }
}
