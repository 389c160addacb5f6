using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Store;

/// <summary>What is known when a trial is reserved: the store assigns its number.</summary>
/// <param name="Parameters">Configuration proposed by the tuner.</param>
/// <param name="Seed">Seed the trial's pipeline runs with.</param>
/// <param name="Budget">Budget (epochs) or null.</param>
/// <param name="PromotedFrom">Trial continued on a larger budget (successive halving) or null.</param>
/// <param name="StartedAt">Start time (UTC).</param>
public sealed record TrialStart(ParameterSet Parameters, int Seed, int? Budget, int? PromotedFrom, DateTimeOffset StartedAt);
