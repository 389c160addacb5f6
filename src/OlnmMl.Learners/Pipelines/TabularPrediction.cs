using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Entry point of <c>olnm predict --model model/ --data D.csv --out scores.csv</c>: scores a feature table with a
/// saved model and writes <c>id,[label],[cohort],score,probability,predicted_label</c> (invariant culture, predicted label as 0/1).
/// </summary>
public static class TabularPrediction
{
    /// <summary>Scores <paramref name="dataCsv"/> and writes <paramref name="outputCsv"/>; returns the number of rows.</summary>
    /// <exception cref="FeatureTableException">When the model directory is unusable or the table lacks a model feature or has a bad cell.</exception>
    public static int Predict(string modelDirectory, string dataCsv, string outputCsv) =>
        Predict(modelDirectory, dataCsv, outputCsv, new FeatureTableOptions { IdColumn = "" }, _ => { });

    /// <summary>
    /// Scores <paramref name="dataCsv"/> and writes <paramref name="outputCsv"/>: <c>id</c>, then the model's label
    /// column and the cohort column when the table has them, then <c>score,probability,predicted_label</c>, so
    /// <c>olnm stats roc</c> reads the scores directly. A non-finite feature cell takes the model's training median
    /// (with a note). Returns the number of rows.
    /// </summary>
    /// <param name="modelDirectory">Model folder written by <c>olnm train</c>.</param>
    /// <param name="dataCsv">Table to score.</param>
    /// <param name="outputCsv">Scores file to write.</param>
    /// <param name="options">Id column (empty: the model's) and cohort column; the label column is always the model's.</param>
    /// <param name="note">Receives a line naming each imputed cell.</param>
    /// <exception cref="FeatureTableException">When the model directory is unusable or the table lacks a model feature or has a bad cell.</exception>
    public static int Predict(string modelDirectory, string dataCsv, string outputCsv, FeatureTableOptions options, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(note);
        var ml = new MLContext(0);
        var model = TabularModel.Load(ml, modelDirectory);
        var columns = options with
        {
            IdColumn = options.IdColumn is { Length: > 0 } id ? id : model.Manifest.IdColumn,
            LabelColumn = model.Manifest.LabelColumn is { Length: > 0 } label ? label : null,
        };
        var import = FeatureTableImport.ForScoring(dataCsv, columns, model.Manifest.Features, model.Manifest.Medians);
        foreach (var line in import.Notes)
        {
            note(line);
        }

        var scores = Score(ml, model, import.Table);
        var carried = import.Carried.Skip(1).ToList();
        var text = new StringBuilder("id," + string.Concat(carried.Select(c => CsvRecords.Field(c.Name) + ",")) + "score,probability,predicted_label\n");
        for (var i = 0; i < scores.Count; i++)
        {
            var s = scores[i];
            text.Append(CsvRecords.Field(s.Id)).Append(',');
            foreach (var column in carried)
            {
                text.Append(CsvRecords.Field(column.Values[i])).Append(',');
            }

            text.Append(CultureInfo.InvariantCulture, $"{s.Score:R},{s.Probability:R},{(s.PredictedLabel ? 1 : 0)}\n");
        }

        DurableFile.WriteAllText(outputCsv, text.ToString());
        return scores.Count;
    }

    /// <summary>Scores a loaded table with a model.</summary>
    public static IReadOnlyList<TabularScore> Score(MLContext ml, TabularModel model, FeatureTable table)
    {
        var scored = model.Transform(table.ToDataView(ml));
        var score = scored.GetColumn<float>(DefaultColumnNames.Score).ToArray();
        var probability = scored.GetColumn<float>(DefaultColumnNames.Probability).ToArray();
        var predicted = scored.GetColumn<bool>(DefaultColumnNames.PredictedLabel).ToArray();
        return [.. table.Ids.Select((id, i) => new TabularScore(id, score[i], probability[i], predicted[i]))];
    }
}

/// <summary>One scored row.</summary>
/// <param name="Id">Case id.</param>
/// <param name="Score">Decision value / linear predictor.</param>
/// <param name="Probability">Calibrated probability of the positive class.</param>
/// <param name="PredictedLabel">Predicted class.</param>
public sealed record TabularScore(string Id, float Score, float Probability, bool PredictedLabel);
