using System.Globalization;
using System.Text;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Onnx.Scoring;

/// <summary>Entry point of <c>olnm predict --model model.onnx --data D --out scores.csv</c>.</summary>
public static class OnnxPrediction
{
    /// <summary>Scores <paramref name="dataPath"/> as <c>olnm predict</c> does by default (id column and cohort as the model says).</summary>
    /// <exception cref="ArgumentException">The model needs inputs a table cannot give (an image) or does not name its features.</exception>
    /// <exception cref="FeatureTableException">The table lacks features, or a feature cell is not a number or (without training medians) not finite.</exception>
    public static int PredictCsv(string modelPath, string dataPath, string outPath) =>
        PredictCsv(modelPath, dataPath, outPath, new FeatureTableOptions { IdColumn = "" }, _ => { });

    /// <summary>
    /// Scores the feature table <paramref name="dataPath"/> (CSV read as <c>olnm train</c> reads it: the model's features
    /// by name, any order, other columns ignored) with the tabular model <paramref name="modelPath"/> and writes
    /// <c>id</c>, the label and cohort columns when the table has them, then <c>score</c> (when the model has that
    /// output) and <c>probability</c> to <paramref name="outPath"/>. A non-finite cell takes the training median the
    /// model's metadata holds (with a note). Returns the number of cases.
    /// </summary>
    /// <param name="modelPath">Exported tabular model (<c>olnm export</c>).</param>
    /// <param name="dataPath">Table to score.</param>
    /// <param name="outPath">Scores file to write.</param>
    /// <param name="options">Id column (empty: the model's, else the first column) and cohort column; the label column is the model's.</param>
    /// <param name="note">Receives a line naming each imputed cell.</param>
    /// <exception cref="ArgumentException">The model needs inputs a table cannot give (an image) or does not name its features.</exception>
    /// <exception cref="FeatureTableException">The table lacks features, or a feature cell is not a number or (without training medians) not finite.</exception>
    public static int PredictCsv(string modelPath, string dataPath, string outPath, FeatureTableOptions options, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(note);
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

        var metadata = scorer.Metadata;
        var columns = options with
        {
            IdColumn = options.IdColumn.Length > 0 ? options.IdColumn : metadata.IdColumn,
            LabelColumn = metadata.LabelColumn.Length > 0 ? metadata.LabelColumn : null,
        };
        var medians = metadata.FeatureMedians.Count == contract.SlotNames.Count ? metadata.FeatureMedians : null;
        var import = FeatureTableImport.ForScoring(dataPath, columns, contract.SlotNames, medians);
        foreach (var line in import.Notes)
        {
            note(line);
        }

        var rows = import.Table.Rows;
        long[] shape = [rows.Count, contract.SlotNames.Count];
        var hasScore = scorer.OutputNames.Contains("score");
        var input = new Dictionary<string, OnnxInput> { [inputName] = new([.. rows.SelectMany(r => r)], shape) };
        var results = scorer.PredictOutputs(input, hasScore ? ["probability", "score"] : ["probability"]);
        var probabilities = results["probability"];
        var carried = import.Carried;
        var text = new StringBuilder("id" + string.Concat(carried.Skip(1).Select(c => "," + CsvRecords.Field(c.Name))));
        text.Append(hasScore ? ",score,probability\n" : ",probability\n");
        for (var i = 0; i < probabilities.Length; i++)
        {
            foreach (var column in carried)
            {
                text.Append(CsvRecords.Field(column.Values[i])).Append(',');
            }

            if (hasScore)
            {
                text.Append(results["score"][i].ToString("R", CultureInfo.InvariantCulture)).Append(',');
            }

            text.Append(probabilities[i].ToString("R", CultureInfo.InvariantCulture)).Append('\n');
        }

        DurableFile.WriteAllText(outPath, text.ToString());
        return probabilities.Length;
    }
}
