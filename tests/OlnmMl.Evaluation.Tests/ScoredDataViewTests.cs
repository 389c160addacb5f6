using Microsoft.ML;
using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.MLNet;

namespace OlnmMl.Evaluation.Tests;

public class ScoredDataViewTests
{
    private sealed class Row
    {
        public bool Label { get; set; }

        public float Probability { get; set; }

        public string Name { get; set; } = "";
    }

    private sealed class FloatLabelRow
    {
        public float Label { get; set; }

        public float Probability { get; set; }
    }

    private static readonly MLContext Context = new(seed: 1);

    [Fact]
    public void CatalogEvaluatesScoredDataViewsLikeTheArrayApi()
    {
        // Same data as CrossCohortTests: training cut-off 0.25, validation AUC 0.875.
        IDataView training = Load([0.1f, 0.2f, 0.3f, 0.4f, 0.5f, 0.6f, 0.7f, 0.8f], [false, false, true, false, true, true, false, true]);
        IDataView validation = Load([0.9f, 0.8f, 0.4f, 0.7f, 0.4f, 0.2f, 0.1f], [true, true, true, false, false, false, false]);
        CrossCohortSummary summary = Context.BinaryClassification.EvaluateAcrossCohorts("m", ("training", training), [("validation", validation)]);
        Assert.Equal(0.25, summary.TrainingCutoff.Threshold, 1e-7);
        Assert.Equal(0.875, summary.Cohorts[1].Auc.Auc, 1e-15);
    }

    [Fact]
    public void NumericLabelsMustBeZeroOrOne()
    {
        IDataView data = Context.Data.LoadFromEnumerable(new[] { new FloatLabelRow { Label = 1, Probability = 0.4f }, new FloatLabelRow { Label = 2, Probability = 0.3f } });
        var error = Assert.Throws<ArgumentException>(() => data.ToCohortScores("c"));
        Assert.Contains("label column 'Label', row 1: value 2", error.Message);
    }

    [Fact]
    public void MissingOrWrongTypedColumnsAreNamed()
    {
        IDataView data = Load([0.3f], [true]);
        Assert.Contains("no column 'Score'", Assert.Throws<ArgumentException>(() => data.ToCohortScores("c", scoreColumnName: "Score")).Message);
        Assert.Contains("column 'Name' has type", Assert.Throws<ArgumentException>(() => data.ToCohortScores("c", scoreColumnName: "Name")).Message);
    }

    private static IDataView Load(float[] probabilities, bool[] labels) =>
        Context.Data.LoadFromEnumerable(probabilities.Select((p, i) => new Row { Label = labels[i], Probability = p, Name = "x" }).ToArray());
}
