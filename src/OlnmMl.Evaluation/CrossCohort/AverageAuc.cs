namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>
/// aAUC: the unweighted mean of the AUCs of the chosen cohorts, with their sample SD
/// √(Σ(AUCₖ − mean)²/(K − 1)) (NaN for K = 1). Cohorts whose AUC is NaN are left out and listed
/// in <see cref="Skipped"/>.
/// </summary>
/// <param name="Mean">Mean AUC.</param>
/// <param name="StandardDeviation">Sample SD across cohorts.</param>
/// <param name="Cohorts">Cohorts averaged.</param>
/// <param name="Skipped">Requested cohorts left out because their AUC is undefined.</param>
public sealed record AverageAuc(double Mean, double StandardDeviation, IReadOnlyList<string> Cohorts, IReadOnlyList<string> Skipped)
{
    /// <summary>Averages the given (cohort, AUC) pairs.</summary>
    /// <param name="aucs">AUC per cohort.</param>
    public static AverageAuc Of(IEnumerable<(string Cohort, double Auc)> aucs)
    {
        ArgumentNullException.ThrowIfNull(aucs);
        var used = new List<(string Cohort, double Auc)>();
        var skipped = new List<string>();
        foreach (var entry in aucs)
        {
            if (double.IsNaN(entry.Auc)) skipped.Add(entry.Cohort);
            else used.Add(entry);
        }

        if (used.Count == 0) return new AverageAuc(double.NaN, double.NaN, [], skipped);
        double mean = used.Average(e => e.Auc);
        double sd = used.Count > 1 ? Math.Sqrt(used.Sum(e => (e.Auc - mean) * (e.Auc - mean)) / (used.Count - 1)) : double.NaN;
        return new AverageAuc(mean, sd, used.Select(e => e.Cohort).ToArray(), skipped);
    }
}
