using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Experiments;

/// <summary>
/// A sweep: what to search (<see cref="Space"/>, whose categorical parameter <see cref="TrialKindParameter"/> names
/// the registered trial factory), how (<see cref="Tuner"/>), on what data, towards which objective, within which
/// budget, and which <see cref="Pruner"/> stops unpromising trials early. <see cref="ExperimentYaml"/> reads and writes it 1:1.
/// </summary>
public sealed record ExperimentDefinition
{
    /// <summary>Name of the parameter whose category selects the <see cref="Runner.ITrialFactory"/>.</summary>
    public const string TrialKindParameter = "trial";

    /// <summary>Study name (also the default study file name).</summary>
    public required string Name { get; init; }

    /// <summary>Study seed; trial seeds derive from it.</summary>
    public int Seed { get; init; }

    /// <summary>Data the trials run on.</summary>
    public required ExperimentData Data { get; init; }

    /// <summary>Selection objective metric (computed on selection cohorts only).</summary>
    public ObjectiveMetric Objective { get; init; } = ObjectiveMetric.Auc;

    /// <summary>The tuner.</summary>
    public required TunerSpec Tuner { get; init; }

    /// <summary>The pruner that stops trials early from their intermediate values, or null (no pruning).</summary>
    public PrunerSpec? Pruner { get; init; }

    /// <summary>Limits.</summary>
    public required SweepBudget Budget { get; init; }

    /// <summary>The search space; it must contain a categorical <see cref="TrialKindParameter"/> without a condition.</summary>
    public required Spaces.SearchSpace Space { get; init; }

    /// <summary>The trial kinds the space chooses from: the choices of its <c>trial</c> parameter (required by <see cref="Validate"/>).</summary>
    /// <exception cref="InvalidOperationException">The space has no unconditional categorical <c>trial</c> parameter.</exception>
    public IReadOnlyList<string> TrialKinds =>
        (Space.Parameters.FirstOrDefault(p => p.Name == TrialKindParameter) as CategoricalParameter)?.Choices
        ?? throw new InvalidOperationException($"Experiment '{Name}' has no categorical '{TrialKindParameter}' parameter.");

    /// <summary>Throws when the definition is inconsistent (missing trial-kind parameter, bad budget, unknown tuner or pruner, a pruner setting out of range).</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name);
        if (Name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0 || Name.Contains(' ', StringComparison.Ordinal))
        {
            throw new ArgumentException($"Experiment name '{Name}' must be usable as a file name (no spaces or path characters).");
        }

        Budget.Validate();
        if (Space.Parameters.FirstOrDefault(p => p.Name == TrialKindParameter) is not CategoricalParameter { Condition: null })
        {
            throw new ArgumentException(
                $"Experiment '{Name}': the space needs an unconditional categorical parameter '{TrialKindParameter}' naming the trial kind(s).");
        }

        if (!TunerSpec.Kinds.Contains(Tuner.Kind))
        {
            throw new ArgumentException($"Experiment '{Name}': unknown tuner '{Tuner.Kind}'; expected one of {string.Join(", ", TunerSpec.Kinds)}.");
        }

        try
        {
            Pruner?.Create();
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"Experiment '{Name}': pruner: {e.Message}", e);
        }
    }
}
