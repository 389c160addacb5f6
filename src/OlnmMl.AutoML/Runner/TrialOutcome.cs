namespace OlnmMl.AutoML.Runner;

/// <summary>What a trial returns: predictions per cohort, plus its own artefacts and component versions.</summary>
/// <param name="Predictions">At least one Selection cohort; Training (for the cut-off) and External cohorts as available.</param>
/// <param name="Artefacts">Artefact name → path relative to <see cref="TrialContext.ArtefactDirectory"/> (e.g. model.zip).</param>
/// <param name="Versions">Component → version (e.g. torchsharp, weights hash).</param>
public sealed record TrialOutcome(
    IReadOnlyList<CohortPredictions> Predictions,
    IReadOnlyDictionary<string, string>? Artefacts = null,
    IReadOnlyDictionary<string, string>? Versions = null);
