using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Which study cohorts a trial fits on and scores, and in which role. With internal-validation selection the final
/// model is fitted on <c>train</c> (Training) and scores <c>validation</c> (Selection, the tuner's only input). With
/// leave-one-centre-out selection the development cases are <c>train</c> and <c>validation</c> together: the final
/// model (the one exported) is refitted on all of them, scored as the Training cohort <c>development</c>, and the
/// Selection cohorts are the folds' out-of-fold predictions (<see cref="Folds"/>), one per development centre, so the
/// objective is the mean over held-out centres of the per-centre metric (<see cref="SelectionObjective"/>), not a
/// pooled AUC. Either way the experiment's external cohorts are scored by the final model for the leaderboard only
/// (External) and are never fitted on.
/// </summary>
internal static class TrialCohorts
{
    public const string Training = "train";
    public const string Validation = "validation";
    public const string Development = "development";

    /// <summary>The manifest cohorts the final model is fitted on.</summary>
    public static IReadOnlyList<string> FittedOn(ExperimentData data) =>
        data.Selection == SelectionStrategy.LeaveOneCentreOut ? [Training, Validation] : [Training];

    /// <summary>The cases the final model is fitted on (<see cref="FittedOn"/>).</summary>
    public static IReadOnlyList<StudyCase> FinalTraining(StudyData study, ExperimentData data) =>
        FittedOn(data).SelectMany(study.Cohort).ToArray();

    /// <summary>The cohorts the final model scores, with their roles and cases: Training, Selection (internal validation only), External.</summary>
    public static IReadOnlyList<(string Name, CohortRole Role, IReadOnlyList<StudyCase> Cases)> Of(StudyData study, ExperimentData data)
    {
        var cohorts = data.Selection == SelectionStrategy.LeaveOneCentreOut
            ? new List<(string, CohortRole, IReadOnlyList<StudyCase>)> { (Development, CohortRole.Training, FinalTraining(study, data)) }
            : [(Training, CohortRole.Training, study.Cohort(Training)), (Validation, CohortRole.Selection, study.Cohort(Validation))];
        cohorts.AddRange(data.ExternalCohorts.Select(external => (external, CohortRole.External, study.Cohort(external)))); // fails early, naming the cohorts that exist
        return cohorts;
    }

    /// <summary>The leave-one-centre-out folds over the development cases; none with internal-validation selection.</summary>
    public static IReadOnlyList<CentreFold> Folds(StudyData study, ExperimentData data) =>
        data.Selection == SelectionStrategy.LeaveOneCentreOut ? CentreFold.Of(FinalTraining(study, data), study.ManifestPath) : [];

    /// <summary>Refuses any selection but internal validation, for a trial kind that does not implement the others.</summary>
    /// <exception cref="OlnmUserException">The experiment asks for leave-one-centre-out selection.</exception>
    public static void RequireInternalValidation(ExperimentData data, string trialKind)
    {
        if (data.Selection != SelectionStrategy.InternalValidation)
        {
            throw new OlnmUserException(
                $"trial kind '{trialKind}' supports internal-validation selection only; leave-one-centre-out is implemented for the tabular trials (radiomics-svm, clinical)");
        }
    }

    /// <summary>Per-case predictions of <paramref name="cases"/> for <paramref name="target"/> from a scored view.</summary>
    public static CohortPredictions Predictions(string cohort, CohortRole role, IReadOnlyList<StudyCase> cases, double[] probabilities, string target) =>
        new(cohort, role, cases.Select(c => c.Case.Id).ToArray(), cases.Select(c => c.Outcome(target)).ToArray(), probabilities);
}
