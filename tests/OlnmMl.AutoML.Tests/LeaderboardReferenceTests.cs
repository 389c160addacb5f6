using OlnmMl.AutoML.Leaderboard;

namespace OlnmMl.AutoML.Tests;

/// <summary>The reference (oracle) AUC per cohort and each model's share of the attainable lift, against hand calculations.</summary>
public class LeaderboardReferenceTests
{
    // Validation (labels +, +, −, −) and test1 (+, −, +, −) of LeaderboardTests' two trials.
    private static readonly Dictionary<string, double> Scores = new()
    {
        ["validation-0"] = 0.9, ["validation-1"] = 0.3, ["validation-2"] = 0.4, ["validation-3"] = 0.1,
        ["test1-0"] = 0.8, ["test1-1"] = 0.2, ["test1-2"] = 0.7, ["test1-3"] = 0.3,
    };

    private static readonly LeaderboardReference Oracle = new("oracle", "the generator's own label model.", Scores);

    [Fact]
    public void The_reference_auc_of_each_cohort_is_the_mann_whitney_count_of_its_scores()
    {
        using var folder = new TempDirectory();
        var table = LeaderboardTests.Build(folder, Oracle);
        var reference = table.Reference!;
        Assert.Equal(MannWhitney([0.9, 0.3], [0.4, 0.1]), reference.Aucs["validation"], 12);
        Assert.Equal(MannWhitney([0.8, 0.7], [0.2, 0.3]), reference.Aucs["test1"], 12);
        Assert.Equal(0.75, reference.Aucs["validation"], 12);
        Assert.Equal((0.75 + 1.0) / 2, reference.AverageAuc, 12);
    }

    [Fact]
    public void Lift_shares_are_the_auc_above_chance_over_the_reference_auc_above_chance()
    {
        // Trial 1: validation AUC 1, test1 0.75 → (1 − 0.5)/(0.75 − 0.5) = 2 and (0.75 − 0.5)/(1 − 0.5) = 0.5, mean 1.25.
        // Trial 0: validation 0.5, test1 1 → 0 and 1, mean 0.5.
        using var folder = new TempDirectory();
        var rows = LeaderboardTests.Build(folder, Oracle).Rows;
        Assert.Equal(2.0, rows[0].Cells["validation"].LiftShare, 12);
        Assert.Equal(0.5, rows[0].Cells["test1"].LiftShare, 12);
        Assert.Equal(1.25, rows[0].AverageLiftShare, 12);
        Assert.Equal(0.0, rows[1].Cells["validation"].LiftShare, 12);
        Assert.Equal(0.5, rows[1].AverageLiftShare, 12);
        Assert.True(double.IsNaN(LeaderboardReference.LiftShare(0.8, 0.5)));
    }

    [Fact]
    public void Without_a_reference_the_table_and_its_files_have_no_oracle()
    {
        using var folder = new TempDirectory();
        var table = LeaderboardTests.Build(folder);
        Assert.Null(table.Reference);
        Assert.True(double.IsNaN(table.Rows[0].AverageLiftShare));
        Assert.DoesNotContain("lift_share", LeaderboardWriter.ToCsv(table), StringComparison.Ordinal);
        Assert.DoesNotContain("oracle", LeaderboardWriter.ToMarkdown(table), StringComparison.Ordinal);
    }

    [Fact]
    public void The_csv_and_markdown_show_the_reference_row_columns_and_what_it_is()
    {
        using var folder = new TempDirectory();
        var table = LeaderboardTests.Build(folder, Oracle);
        var csv = LeaderboardWriter.ToCsv(table).Split('\n');
        var header = csv[0].Split(',');
        // The reference columns come last; counted from the end, the quoted parameters field cannot shift them.
        var first = csv[1].Split(',');
        string Field(string column) => first[first.Length - (header.Length - Array.IndexOf(header, column))];
        Assert.Equal(
            ["validation_oracle_auc", "validation_lift_share", "test1_oracle_auc", "test1_lift_share", "oracle_aauc", "lift_share_mean"],
            header[^6..]);
        Assert.Equal("0.75", Field("validation_oracle_auc"));
        Assert.Equal("2", Field("validation_lift_share"));
        Assert.Equal("1.25", Field("lift_share_mean"));
        Assert.Equal("0.875", Field("oracle_aauc"));
        var markdown = LeaderboardWriter.ToMarkdown(table);
        Assert.Contains("| — | — | oracle | (see notes) | — | 0.750 | — | 1.000 | — | 0.875 | — |", markdown, StringComparison.Ordinal);
        Assert.Contains("oracle: the generator's own label model.", markdown, StringComparison.Ordinal);
        Assert.Contains("| 1 | 1 | synthetic | 2.000 | 0.500 | 1.250 |", markdown, StringComparison.Ordinal);
    }

    [Fact]
    public void Cases_without_a_reference_score_are_left_out_and_one_class_gives_nan()
    {
        var cohort = new Runner.CohortPredictions("c", Runner.CohortRole.External, ["a", "b", "c"], [true, false, true], [0.1, 0.2, 0.3]);
        var partial = new LeaderboardReference("oracle", "", new Dictionary<string, double> { ["a"] = 0.9, ["b"] = 0.1 });
        Assert.Equal(1.0, partial.Auc(cohort), 12);
        var positivesOnly = new LeaderboardReference("oracle", "", new Dictionary<string, double> { ["a"] = 0.9, ["c"] = 0.1 });
        Assert.True(double.IsNaN(positivesOnly.Auc(cohort)));
    }

    /// <summary>P(positive score &gt; negative score) + ½ P(tie), counted over every pair.</summary>
    private static double MannWhitney(double[] positives, double[] negatives)
    {
        var wins = 0.0;
        foreach (var p in positives)
        {
            foreach (var n in negatives)
            {
                wins += p > n ? 1 : p == n ? 0.5 : 0;
            }
        }

        return wins / (positives.Length * negatives.Length);
    }
}
