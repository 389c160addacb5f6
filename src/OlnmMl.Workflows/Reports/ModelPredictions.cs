using OlnmMl.AutoML.Runner;

namespace OlnmMl.Workflows.Reports;

/// <summary>A model shown in a report and its per-case predictions in every cohort (training included, for the cut-off).</summary>
public sealed record ModelPredictions(string Model, IReadOnlyList<CohortPredictions> Cohorts)
{
    /// <summary>The training cohort's predictions.</summary>
    /// <exception cref="InvalidOperationException">The model has no training predictions.</exception>
    public CohortPredictions Training =>
        Cohorts.FirstOrDefault(c => c.Role == CohortRole.Training)
        ?? throw new InvalidOperationException($"Model '{Model}' has no training-cohort predictions; the Youden cut-off needs them.");

    /// <summary>Internal validation and external cohorts, in the order given.</summary>
    public IEnumerable<CohortPredictions> Evaluated => Cohorts.Where(c => c.Role != CohortRole.Training);
}
