using System.Globalization;
using System.Text;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Entry point of <c>olnm predict --model model/ --data D.csv --out scores.csv</c>: scores a feature table with a
/// saved model and writes <c>id,score,probability,predicted_label</c> (invariant culture, label as 0/1).
/// </summary>
public static class TabularPrediction
{
    /// <summary>Scores <paramref name="dataCsv"/> and writes <paramref name="outputCsv"/>; returns the number of rows.</summary>
    /// <exception cref="FeatureTableException">When the model directory is unusable or the table lacks a model feature or has NaN/∞.</exception>
    public static int Predict(string modelDirectory, string dataCsv, string outputCsv)
    {
        var ml = new MLContext(0);
        var model = TabularModel.Load(ml, modelDirectory);
        var table = FeatureTable.Load(dataCsv, null, model.Manifest.IdColumn, model.Manifest.Features);
        var scores = Score(ml, model, table);
        var text = new StringBuilder("id,score,probability,predicted_label\n");
        foreach (var s in scores)
            text.Append(CultureInfo.InvariantCulture, $"{Quote(s.Id)},{s.Score:R},{s.Probability:R},{(s.PredictedLabel ? 1 : 0)}\n");
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

    private static string Quote(string id) =>
        id.IndexOfAny([',', '"', '\n', '\r']) >= 0 ? $"\"{id.Replace("\"", "\"\"")}\"" : id;
}

/// <summary>One scored row.</summary>
/// <param name="Id">Case id.</param>
/// <param name="Score">Decision value / linear predictor.</param>
/// <param name="Probability">Calibrated probability of the positive class.</param>
/// <param name="PredictedLabel">Predicted class.</param>
public sealed record TabularScore(string Id, float Score, float Probability, bool PredictedLabel);
