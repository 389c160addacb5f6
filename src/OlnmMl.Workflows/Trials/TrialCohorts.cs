using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Which study cohorts a trial fits on and scores, and in which role: <c>train</c> is fitted on
/// (Training), <c>validation</c> feeds the tuner (Selection), the experiment's external cohorts are
/// scored for the leaderboard only (External).
/// </summary>
internal static class TrialCohorts
{
    public const string Training = "train";
    public const string Validation = "validation";

    public static IReadOnlyList<(string Name, CohortRole Role)> Of(StudyData study, ExperimentData data)
    {
        if (data.Selection != SelectionStrategy.InternalValidation)
        {
            throw new NotSupportedException(
                $"Selection '{data.Selection}' is not supported by the study trials; use internal-validation (the published design).");
        }

        var cohorts = new List<(string, CohortRole)> { (Training, CohortRole.Training), (Validation, CohortRole.Selection) };
        foreach (var external in data.ExternalCohorts)
        {
            _ = study.Cohort(external); // fails early, naming the cohorts that exist
            cohorts.Add((external, CohortRole.External));
        }

        return cohorts;
    }

    /// <summary>Per-case predictions of <paramref name="cases"/> for <paramref name="target"/> from a scored view.</summary>
    public static CohortPredictions Predictions(string cohort, CohortRole role, IReadOnlyList<StudyCase> cases, double[] probabilities, string target) =>
        new(cohort, role, cases.Select(c => c.Case.Id).ToArray(), cases.Select(c => c.Outcome(target)).ToArray(), probabilities);
}
