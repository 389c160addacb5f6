using OlnmMl.AutoML.Leaderboard;
using OlnmMl.AutoML.Runner;
using OlnmMl.Reporting.Tables;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The report's paired DeLong tables, both by <see cref="ReferenceComparison"/> (the leaderboard's convention): every model
/// against the first (the selected model), and chosen pairs (fusion against radiomics, deep and clinical; the combined
/// signature against each of its signatures), each with ΔAUC and its 95% CI, the raw and the Benjamini–Hochberg-adjusted p.
/// </summary>
internal static class ComparisonTables
{
    /// <summary>Every other model against <paramref name="models"/>[0] on each evaluated cohort, adjusted across the models.</summary>
    public static Table AgainstFirst(IReadOnlyList<ModelPredictions> models, string firstRole)
    {
        var reference = models[0];
        var rows = new List<IReadOnlyList<string>>();
        foreach (var cohort in reference.Evaluated)
        {
            var others = models.Skip(1).Select(m => m.Cohorts.FirstOrDefault(c => c.Cohort == cohort.Cohort)).ToArray();
            var tests = ReferenceComparison.AgainstReference(cohort, others);
            for (var i = 0; i < others.Length; i++)
            {
                if (tests[i].Test is { } test)
                {
                    rows.Add(Row(models[i + 1].Model, cohort.Cohort, test, tests[i].Adjusted));
                }
            }
        }

        return new Table($"Paired DeLong tests against {firstRole} ({reference.Model}); p adjusted by Benjamini–Hochberg across the models compared on each cohort",
            ["model", "cohort", $"ΔAUC ({reference.Model} − model, 95% CI)", "p", "adjusted p (BH)"], rows);
    }

    /// <summary>
    /// The chosen <paramref name="pairs"/> (model names, first minus second) on each evaluated cohort both scored, adjusted
    /// across the pairs of the cohort; a pair naming a model not in <paramref name="models"/> is refused.
    /// </summary>
    /// <exception cref="ArgumentException">A pair names an unknown model.</exception>
    public static Table ChosenPairs(IReadOnlyList<ModelPredictions> models, IReadOnlyList<(string First, string Second)> pairs)
    {
        var byName = models.ToDictionary(m => m.Model, StringComparer.Ordinal);
        foreach (var name in pairs.SelectMany(p => new[] { p.First, p.Second }).Where(n => !byName.ContainsKey(n)))
        {
            throw new ArgumentException($"comparison pair names model '{name}', which is not among the report's models ({string.Join(", ", byName.Keys)}).", nameof(pairs));
        }

        var rows = new List<IReadOnlyList<string>>();
        foreach (var cohort in models[0].Evaluated.Select(c => c.Cohort))
        {
            var present = pairs.Select(p => (p, First: byName[p.First].Cohorts.FirstOrDefault(c => c.Cohort == cohort), Second: byName[p.Second].Cohorts.FirstOrDefault(c => c.Cohort == cohort)))
                .Where(p => p.First is not null && p.Second is not null).ToArray();
            var tests = ReferenceComparison.Pairs([.. present.Select(p => (p.First!, p.Second!))]);
            rows.AddRange(present.Select((p, i) => Row($"{p.p.First} vs {p.p.Second}", cohort, tests[i].Test, tests[i].Adjusted)));
        }

        return new Table("Chosen comparisons (paired DeLong, ΔAUC = first − second); p adjusted by Benjamini–Hochberg across the pairs on each cohort",
            ["comparison", "cohort", "ΔAUC (95% CI)", "p", "adjusted p (BH)"], rows);
    }

    private static IReadOnlyList<string> Row(string label, string cohort, Evaluation.Roc.AucComparison test, double adjusted) =>
        [label, cohort, OlnmMl.Evaluation.Reports.StatisticText.Interval(test.Difference, test.DifferenceCiLower, test.DifferenceCiUpper), P(test.PValue), P(adjusted)];
}
