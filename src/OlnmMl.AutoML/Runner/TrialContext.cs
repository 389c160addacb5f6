using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Everything a trial factory needs to run one trial. A trial with steps (epochs) calls <see cref="Report"/> after
/// each and, when <see cref="ShouldPrune"/> is true, stops by throwing <see cref="TrialPrunedException"/>.
/// </summary>
/// <param name="TrialNumber">The trial's number in the study.</param>
/// <param name="Parameters">The configuration (including the trial-kind parameter).</param>
/// <param name="Seed">Seed for every random choice of the trial (a promoted trial has its parent's: one seed per lineage).</param>
/// <param name="Budget">Epochs to train (successive halving), or null for the trial's default.</param>
/// <param name="PromotedFrom">Trial whose configuration this one continues (its artefacts may hold a checkpoint), or null.</param>
/// <param name="ArtefactDirectory">Existing, empty folder for this trial's artefacts.</param>
/// <param name="PromotedFromArtefactDirectory">Artefact folder of <paramref name="PromotedFrom"/>, or null.</param>
/// <param name="Data">The experiment's data section.</param>
public sealed record TrialContext(
    int TrialNumber,
    ParameterSet Parameters,
    int Seed,
    int? Budget,
    int? PromotedFrom,
    string ArtefactDirectory,
    string? PromotedFromArtefactDirectory,
    ExperimentData Data)
{
    /// <summary>Budget (epochs) the trial <see cref="PromotedFrom"/> was given — what a continuation has already trained — or null.</summary>
    public int? PromotedFromBudget { get; init; }

    /// <summary>
    /// The schedule horizon: epochs of the longest training in this trial's lineage (ASHA's <c>max-epochs</c>), or null (other
    /// tuners: the trial's own epochs). A trial with epochs follows the learning-rate schedule of a training this long and stops
    /// at <see cref="Budget"/>, so every rung's schedule is a prefix of the max-budget run's, and a promoted trial that
    /// continues its parent's training state (same seed: <see cref="Seed"/> is the lineage's) trains exactly as one run would.
    /// </summary>
    public int? ScheduleHorizon { get; init; }

    /// <summary>Receives the trial's intermediate values (default: <see cref="ITrialReporter.None"/>).</summary>
    public ITrialReporter Reporter { get; init; } = ITrialReporter.None;

    /// <summary>Reports <paramref name="value"/> (in the units of the study's objective, e.g. validation AUC) at <paramref name="step"/> (≥ 0).</summary>
    public void Report(int step, double value) => Reporter.Report(step, value);

    /// <summary>True when the study's pruner says this trial should stop after its latest report.</summary>
    public bool ShouldPrune() => Reporter.ShouldPrune();
}
