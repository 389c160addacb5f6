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
    /// <c>id,score,probability</c> rows (as OlnmMl.Learners' <c>TabularPrediction</c>, without
    /// <c>predicted_label</c>; <c>score</c> only when the model has that output) to <paramref name="outPath"/>.
    /// Returns the number of cases.
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
        long[] shape = [table.CaseIds.Count, table.FeatureCount];
        var hasScore = scorer.OutputNames.Contains("score");
        var input = new Dictionary<string, OnnxInput> { [inputName] = new(table.Values, shape) };
        var results = table.CaseIds.Count == 0
            ? new Dictionary<string, float[]> { ["probability"] = [], ["score"] = [] }
            : scorer.PredictOutputs(input, hasScore ? ["probability", "score"] : ["probability"]);
        var probabilities = results["probability"];
        var scores = hasScore ? results["score"] : [];
        var text = new StringBuilder(hasScore ? "id,score,probability\n" : "id,probability\n");
        for (var i = 0; i < probabilities.Length; i++)
        {
            text.Append(table.CaseIds[i]).Append(',');
            if (hasScore)
            {
                text.Append(scores[i].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append(probabilities[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        DurableFile.WriteAllText(outPath, text.ToString());
        return probabilities.Length;
    }
}
