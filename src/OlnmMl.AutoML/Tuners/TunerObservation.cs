using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Tuners;

/// <summary>
/// What a tuner learns about one trial. <see cref="Loss"/> is the selection objective oriented so that lower is
/// better (−AUC when AUC is maximised); it is computed on training centres only and is null unless the trial completed.
/// </summary>
/// <param name="TrialNumber">The trial's number in the study (0, 1, 2, …).</param>
/// <param name="Parameters">The trial's configuration.</param>
/// <param name="IsFinished">False while the trial runs.</param>
/// <param name="Loss">Lower-is-better objective on the selection cohorts, or null (running, failed, pruned).</param>
/// <param name="Budget">Budget the trial ran with.</param>
/// <param name="PromotedFrom">The trial it continues, for successive halving.</param>
public sealed record TunerObservation(
    int TrialNumber,
    ParameterSet Parameters,
    bool IsFinished,
    double? Loss,
    int? Budget = null,
    int? PromotedFrom = null);
