using OlnmMl.Reporting.Tables;

namespace OlnmMl.Reporting.Tests;

/// <summary>Table 1 split by outcome within each cohort, as the fusion study prints it.</summary>
public sealed class CohortSummaryByOutcomeTests
{
    // Cohort "train": pN+ ages 50, 60, 70 (two male, both solid, inner/middle/outer), pN− ages 40, 44 (female, part-solid, outer);
    // cohort "test": one pN+ (age 80) and one pN− (age 30).
    private static readonly ClinicalRecord[] Records =
    [
        new("train", true, 50, true, 2.0, true, "inner"),
        new("train", true, 60, true, 1.0, true, "middle"),
        new("train", true, 70, false, 3.0, true, "outer"),
        new("train", false, 40, false, 1.5, false, "outer"),
        new("train", false, 44, false, 2.5, false, "outer"),
        new("test", true, 80, true, 1.0, true, "outer"),
        new("test", false, 30, false, 1.0, false, "outer"),
    ];

    [Fact]
    public void Each_cohort_gets_an_outcome_column_a_complement_column_and_the_test_between_them()
    {
        var table = CohortSummaryTable.ByOutcome(Records);

        Assert.Equal(["characteristic", "train pN+", "train pN−", "train p", "test pN+", "test pN−", "test p", "test"], table.Headers);
        Assert.Equal(["cases", "3", "2", "", "1", "1", "", ""], table.Rows[0]);
        var age = table.Rows[1];
        // Train pN+: mean 60, SD 10; pN−: mean 42, SD √8 = 2.83 → "2.8". Two groups → the pooled t-test, which the
        // one-way ANOVA of two groups equals.
        Assert.Equal("60.0 ± 10.0", age[1]);
        Assert.Equal("42.0 ± 2.8", age[2]);
        Assert.Equal(GroupTests.AnovaPValue([[50, 60, 70], [40, 44]]), double.Parse(age[3], System.Globalization.CultureInfo.InvariantCulture), 3);
        Assert.Equal("t-test", age[^1]);
        var male = table.Rows[2];
        Assert.Equal(["66.7", "0.0"], male.Skip(1).Take(2));
        Assert.Equal("Fisher's exact", male[^1]); // expected counts below 5 in every cell
        Assert.Equal("33.3/33.3/33.3", table.Rows[5][1]);
        Assert.Equal("0.0/0.0/100.0", table.Rows[5][2]);
    }

    [Fact]
    public void An_outcome_without_a_plus_sign_gets_a_not_column()
    {
        var table = CohortSummaryTable.ByOutcome(Records, "N1");
        Assert.Equal("train not N1", table.Headers[2]);
        Assert.Contains("N1", table.Title);
    }
}
