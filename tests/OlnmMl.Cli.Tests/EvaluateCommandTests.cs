using System.Globalization;

namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm evaluate</c> on a hand-made score table whose every number is worked out in the comments.</summary>
[Collection("console")]
public sealed class EvaluateCommandTests : IDisposable
{
    // train: positives 0.9, 0.8, 0.7 and negatives 0.6, 0.2, 0.1 separate perfectly, so the training Youden cut-off lies
    // in (0.6, 0.7]. validation: positives 0.9, 0.3; negatives 0.8, 0.1, 0.2. At that carried cut-off 0.9 and 0.8 are
    // called positive: TP 1, FP 1, FN 1, TN 2 → accuracy 3/5, sensitivity 1/2, specificity 2/3, PPV 1/2, NPV 2/3.
    // (Validation's own Youden cut-off would be 0.9: specificity 1 — the test fails if the cut-off is refitted there.)
    // Validation AUC: 0.9 beats all 3 negatives, 0.3 beats 0.1 and 0.2 → 5 of 6 pairs = 0.8333.
    // The validation rows come first: the training cohort is found by name, not by position.
    private const string Scores = """
        id,label,cohort,score
        v1,1,validation,0.9
        v2,1,validation,0.3
        v3,0,validation,0.8
        v4,0,validation,0.1
        v5,0,validation,0.2
        t1,1,train,0.9
        t2,1,train,0.8
        t3,1,train,0.7
        t4,0,train,0.6
        t5,0,train,0.2
        t6,0,train,0.1
        """;

    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-evaluate-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void TheTrainingCutoffIsCarriedToValidationAndEveryMetricMatchesTheHandCount()
    {
        var data = Path.Combine(_directory, "scores.csv");
        File.WriteAllText(data, Scores);
        var output = Path.Combine(_directory, "eval");

        var (code, text, error) = InProcessOlnm.Run("evaluate", "--data", data, "--out", output);

        Assert.True(code == 0, error);
        var rows = File.ReadAllLines(Path.Combine(output, "evaluation.csv"));
        var header = rows[0].Split(',');
        var byCohort = rows.Skip(1).Select(r => r.Split(',')).ToDictionary(r => r[1]);
        double Value(string cohort, string column) => double.Parse(byCohort[cohort][Array.IndexOf(header, column)], CultureInfo.InvariantCulture);
        Assert.Equal("true", byCohort["train"][Array.IndexOf(header, "cutoff_fitted_here")]);
        Assert.InRange(Value("train", "cutoff"), 0.6 + 1e-12, 0.7);
        Assert.Equal(Value("train", "cutoff"), Value("validation", "cutoff"));
        Assert.Equal(1.0, Value("train", "auc"), 12);
        Assert.Equal(5.0 / 6, Value("validation", "auc"), 12);
        Assert.Equal(3.0 / 5, Value("validation", "accuracy"), 12);
        Assert.Equal(1.0 / 2, Value("validation", "sensitivity"), 12);
        Assert.Equal(2.0 / 3, Value("validation", "specificity"), 12);
        Assert.Equal(1.0 / 2, Value("validation", "ppv"), 12);
        Assert.Equal(2.0 / 3, Value("validation", "npv"), 12);
        Assert.InRange(2.0 / 3, Value("validation", "specificity_ci_lower"), Value("validation", "specificity_ci_upper"));
        Assert.Contains("validation: 5 cases (2 positive), AUC 0.833", text);
        Assert.Contains("the Youden cut-off of cohort 'train', carried to every cohort", text);
        Assert.True(File.Exists(Path.Combine(output, "evaluation.json")));
    }

    [Fact]
    public void ATrainingCohortThatIsNotInTheTableIsOneLineNamingTheFileAndTheCohortsThere()
    {
        var data = Path.Combine(_directory, "scores.csv");
        File.WriteAllText(data, Scores);

        var (code, _, error) = InProcessOlnm.Run("evaluate", "--data", data, "--training-cohort", "development", "--out", Path.Combine(_directory, "eval"));

        Assert.Equal(1, code);
        Assert.Contains($"{data}: training cohort 'development' is not in column 'cohort' (cohorts: validation, train)", error);
        Assert.Single(error.Trim().Split('\n'));
        Assert.False(Directory.Exists(Path.Combine(_directory, "eval")));
    }
}
