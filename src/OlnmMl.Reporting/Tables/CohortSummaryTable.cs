using System.Globalization;

namespace OlnmMl.Reporting.Tables;

/// <summary>
/// The clinical characteristics table of the papers: per cohort, cases, outcome (pN+) count and prevalence,
/// age (mean ± SD), male %, maximum diameter (mean ± SD), solid %, location inner/middle/outer %,
/// with a between-cohort p-value per row (Kruskal–Wallis for continuous rows, χ² for categorical).
/// </summary>
public static class CohortSummaryTable
{
    private static readonly string[] Locations = ["inner", "middle", "outer"];

    /// <summary>
    /// Builds the table with cohorts as columns in first-appearance order; <paramref name="outcome"/> names the outcome
    /// row (the records' <see cref="ClinicalRecord.Positive"/>: pN+ by default, e.g. N1 for an N1 model's report).
    /// </summary>
    public static Table Build(IReadOnlyList<ClinicalRecord> records, string outcome = "pN+")
    {
        var cohorts = records.Select(r => r.Cohort).Distinct().ToArray();
        var groups = cohorts.Select(c => records.Where(r => r.Cohort == c).ToArray()).ToArray();
        var rows = new List<IReadOnlyList<string>>
        {
            Row("cases", groups, g => g.Length.ToString(CultureInfo.InvariantCulture), double.NaN),
            Row($"{outcome} (prevalence %)", groups, g => F($"{g.Count(r => r.Positive)} ({Percent(g, r => r.Positive)})"), Categorical(groups, r => r.Positive ? 1 : 0, 2)),
            Row("age, mean ± SD", groups, g => MeanSd(g.Select(r => r.Age)), Continuous(groups, r => r.Age)),
            Row("male %", groups, g => Percent(g, r => r.Male), Categorical(groups, r => r.Male ? 1 : 0, 2)),
            Row("max diameter cm, mean ± SD", groups, g => MeanSd(g.Select(r => r.DiameterCm)), Continuous(groups, r => r.DiameterCm)),
            Row("solid % (rest part-solid)", groups, g => Percent(g, r => r.Solid), Categorical(groups, r => r.Solid ? 1 : 0, 2)),
            Row(
                "location inner/middle/outer %",
                groups,
                g => string.Join('/', Locations.Select(l => Percent(g, r => r.Location == l))),
                Categorical(groups, r => Math.Max(0, Array.IndexOf(Locations, r.Location)), 3)),
        };
        return new Table("Clinical characteristics by cohort", ["characteristic", .. cohorts, "p"], rows);
    }

    private static List<string> Row(string name, ClinicalRecord[][] groups, Func<ClinicalRecord[], string> cell, double p) =>
        [name, .. groups.Select(cell), double.IsNaN(p) ? string.Empty : p < 0.001 ? "<0.001" : F($"{p:0.000}")];

    private static double Continuous(ClinicalRecord[][] groups, Func<ClinicalRecord, double> value) =>
        GroupTests.KruskalWallisPValue(groups.Select(g => g.Select(value).ToArray()).ToArray());

    private static double Categorical(ClinicalRecord[][] groups, Func<ClinicalRecord, int> category, int categories)
    {
        var counts = new int[groups.Length, categories];
        for (var g = 0; g < groups.Length; g++)
        {
            foreach (var record in groups[g])
            {
                counts[g, category(record)]++;
            }
        }

        return GroupTests.ChiSquarePValue(counts);
    }

    private static string Percent(ClinicalRecord[] group, Func<ClinicalRecord, bool> predicate) =>
        group.Length == 0 ? "–" : F($"{100.0 * group.Count(predicate) / group.Length:0.0}");

    private static string MeanSd(IEnumerable<double> values)
    {
        var array = values.ToArray();
        if (array.Length == 0)
        {
            return "–";
        }

        var mean = array.Average();
        var sd = array.Length > 1 ? Math.Sqrt(array.Sum(v => (v - mean) * (v - mean)) / (array.Length - 1)) : 0;
        return F($"{mean:0.0} ± {sd:0.0}");
    }

    private static string F(FormattableString text) => text.ToString(CultureInfo.InvariantCulture);
}
