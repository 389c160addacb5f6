using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Tuners;

/// <summary>What a tuner proposes for one trial.</summary>
/// <param name="Parameters">The configuration.</param>
/// <param name="Budget">The resource to spend (epochs for deep trials) or null for the trial's default.</param>
/// <param name="PromotedFrom">For successive halving: the trial whose configuration is continued on a larger budget.</param>
public sealed record TrialSuggestion(ParameterSet Parameters, int? Budget = null, int? PromotedFrom = null);
