using System.Globalization;
using OlnmMl.Evaluation.Bootstrap;
using OlnmMl.Evaluation.Reports;

namespace OlnmMl.Reporting.Tables;

/// <summary>How a continuous characteristic is declared to be distributed, which decides its summary and its test.</summary>
public enum ContinuousDistribution
{
    /// <summary>About normal: mean ± SD, one-way ANOVA (two cohorts: the pooled two-sample t-test).</summary>
    Normal,

    /// <summary>Skewed: median (IQR), Kruskal–Wallis (two cohorts: the same test as Mann–Whitney's U, normal approximation).</summary>
    Skewed,
}

/// <summary>
/// The clinical characteristics table of the papers: per cohort, cases, outcome (pN+) count and prevalence, age, male %,
/// maximum diameter, solid %, location inner/middle/outer %, with a between-cohort p-value per row and the test that
/// gave it named in the last column. Continuous rows follow their declared <see cref="ContinuousDistribution"/> (age
/// normal, diameter skewed by default, as tumour sizes are); categorical rows use Pearson's χ², or Fisher's exact test
/// when an expected count is below 5 (χ² is then unreliable; a table too large to enumerate keeps χ² and says so).
/// </summary>
public static class CohortSummaryTable
{
    private static readonly string[] Locations = ["inner", "middle", "outer"];

    /// <summary>
    /// Builds the table with cohorts as columns in first-appearance order; <paramref name="outcome"/> names the outcome
    /// row (the records' <see cref="ClinicalRecord.Positive"/>: pN+ by default, e.g. N1 for an N1 model's report).
    /// </summary>
    public static Table Build(
        IReadOnlyList<ClinicalRecord> records,
        string outcome = "pN+",
        ContinuousDistribution age = ContinuousDistribution.Normal,
        ContinuousDistribution diameter = ContinuousDistribution.Skewed)
    {
        var cohorts = records.Select(r => r.Cohort).Distinct().ToArray();
        var groups = cohorts.Select(c => records.Where(r => r.Cohort == c).ToArray()).ToArray();
        var rows = new List<IReadOnlyList<string>>
        {
            (IReadOnlyList<string>)["cases", .. groups.Select(g => g.Length.ToString(CultureInfo.InvariantCulture)), "", ""],
            Row($"{outcome} (prevalence %)", groups, g => F($"{g.Count(r => r.Positive)} ({Percent(g, r => r.Positive)})"), Categorical(groups, r => r.Positive ? 1 : 0, 2)),
        };
        rows.AddRange(Characteristics(age, diameter).Select(c => Row(c.Name, groups, c.Cell, c.Test(groups))));
        return new Table("Clinical characteristics by cohort", ["characteristic", .. cohorts, "p", "test"], rows);
    }

    /// <summary>
    /// The same characteristics split by outcome within each cohort, as the fusion study's Table 1 prints them: per cohort
    /// a <paramref name="outcome"/> column, a "not <paramref name="outcome"/>" column and the p-value of the test between
    /// the two (chosen per row and cohort by the rules above; the last column names the tests used in the row).
    /// </summary>
    public static Table ByOutcome(
        IReadOnlyList<ClinicalRecord> records,
        string outcome = "pN+",
        ContinuousDistribution age = ContinuousDistribution.Normal,
        ContinuousDistribution diameter = ContinuousDistribution.Skewed)
    {
        var negative = outcome.EndsWith('+') ? outcome[..^1] + "−" : $"not {outcome}";
        var cohorts = records.Select(r => r.Cohort).Distinct().ToArray();
        var split = cohorts.Select(c => new[] { records.Where(r => r.Cohort == c && r.Positive).ToArray(), records.Where(r => r.Cohort == c && !r.Positive).ToArray() }).ToArray();
        List<string> Split(string name, Func<ClinicalRecord[], string> cell, Func<ClinicalRecord[][], (double P, string Test)>? test)
        {
            var row = new List<string> { name };
            var tests = new List<string>();
            foreach (var pair in split)
            {
                row.AddRange(pair.Select(cell));
                var (p, used) = test?.Invoke(pair) ?? (double.NaN, string.Empty);
                row.Add(PValue(p));
                if (!double.IsNaN(p) && !tests.Contains(used))
                {
                    tests.Add(used);
                }
            }

            row.Add(string.Join(" / ", tests));
            return row;
        }

        var rows = new List<IReadOnlyList<string>> { Split("cases", g => g.Length.ToString(CultureInfo.InvariantCulture), null) };
        rows.AddRange(Characteristics(age, diameter).Select(c => Split(c.Name, c.Cell, c.Test)));
        var header = new List<string> { "characteristic" };
        foreach (var cohort in cohorts)
        {
            header.AddRange([$"{cohort} {outcome}", $"{cohort} {negative}", $"{cohort} p"]);
        }

        return new Table($"Clinical characteristics by cohort and {outcome}", [.. header, "test"], rows);
    }

    // One characteristic row: its label, its summary of a group of records, and the test across groups.
    private sealed record Characteristic(string Name, Func<ClinicalRecord[], string> Cell, Func<ClinicalRecord[][], (double P, string Test)> Test);

    // The rows both tables print after the case counts, in the papers' order.
    private static Characteristic[] Characteristics(ContinuousDistribution age, ContinuousDistribution diameter) =>
    [
        new($"age, {Summary(age)}", g => Summarise(g.Select(r => r.Age), age), groups => Continuous(groups, r => r.Age, age)),
        new("male %", g => Percent(g, r => r.Male), groups => Categorical(groups, r => r.Male ? 1 : 0, 2)),
        new($"max diameter cm, {Summary(diameter)}", g => Summarise(g.Select(r => r.DiameterCm), diameter), groups => Continuous(groups, r => r.DiameterCm, diameter)),
        new("solid % (rest part-solid)", g => Percent(g, r => r.Solid), groups => Categorical(groups, r => r.Solid ? 1 : 0, 2)),
        new(
            "location inner/middle/outer %",
            g => string.Join('/', Locations.Select(l => Percent(g, r => r.Location == l))),
            groups => Categorical(groups, r => Math.Max(0, Array.IndexOf(Locations, r.Location)), 3)),
    ];

    private static string PValue(double p) => double.IsNaN(p) ? string.Empty : StatisticText.P(p);

    private static string Summary(ContinuousDistribution distribution) => distribution == ContinuousDistribution.Normal ? "mean ± SD" : "median (IQR)";

    private static List<string> Row(string name, ClinicalRecord[][] groups, Func<ClinicalRecord[], string> cell, (double P, string Test) test) =>
        [name, .. groups.Select(cell), PValue(test.P), double.IsNaN(test.P) ? string.Empty : test.Test];

    private static (double, string) Continuous(ClinicalRecord[][] groups, Func<ClinicalRecord, double> value, ContinuousDistribution distribution)
    {
        var values = groups.Select(g => g.Select(value).ToArray()).ToArray();
        var two = values.Count(v => v.Length > 0) == 2;
        return distribution == ContinuousDistribution.Normal
            ? (GroupTests.AnovaPValue(values), two ? "t-test" : "ANOVA")
            : (GroupTests.KruskalWallisPValue(values), two ? "Mann–Whitney U" : "Kruskal–Wallis");
    }

    private static (double, string) Categorical(ClinicalRecord[][] groups, Func<ClinicalRecord, int> category, int categories)
    {
        var counts = new int[groups.Length, categories];
        for (var g = 0; g < groups.Length; g++)
        {
            foreach (var record in groups[g])
            {
                counts[g, category(record)]++;
            }
        }

        if (GroupTests.SmallestExpectedCount(counts) >= 5)
        {
            return (GroupTests.ChiSquarePValue(counts), "χ²");
        }

        var exact = GroupTests.FisherExactPValue(counts);
        return double.IsNaN(exact) ? (GroupTests.ChiSquarePValue(counts), "χ² (expected < 5; Fisher too large to enumerate)") : (exact, "Fisher's exact");
    }

    private static string Percent(ClinicalRecord[] group, Func<ClinicalRecord, bool> predicate) =>
        group.Length == 0 ? "–" : F($"{100.0 * group.Count(predicate) / group.Length:0.0}");

    private static string Summarise(IEnumerable<double> values, ContinuousDistribution distribution)
    {
        var array = values.Order().ToArray();
        if (array.Length == 0)
        {
            return "–";
        }

        if (distribution == ContinuousDistribution.Skewed)
        {
            return F($"{Quantile.OfSorted(array, 0.5):0.0} ({Quantile.OfSorted(array, 0.25):0.0}–{Quantile.OfSorted(array, 0.75):0.0})");
        }

        var mean = array.Average();
        var sd = array.Length > 1 ? Math.Sqrt(array.Sum(v => (v - mean) * (v - mean)) / (array.Length - 1)) : 0;
        return F($"{mean:0.0} ± {sd:0.0}");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
