using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The trial kinds of a study, registered in one place: the sweep's <see cref="TrialFactoryRegistry"/>, and the
/// kind of a stored trial for describing and exporting it.
/// </summary>
public sealed class StudyTrials
{
    private readonly Dictionary<string, IStudyTrial> _kinds = new(StringComparer.Ordinal);

    /// <summary>A study offering <paramref name="kinds"/>.</summary>
    /// <exception cref="ArgumentException">Two kinds share a name.</exception>
    public StudyTrials(params IStudyTrial[] kinds)
    {
        foreach (var kind in kinds)
        {
            if (!_kinds.TryAdd(kind.Name, kind))
            {
                throw new ArgumentException($"Two trial kinds are named '{kind.Name}'.", nameof(kinds));
            }
        }
    }

    /// <summary>The registered kind names.</summary>
    public IReadOnlyCollection<string> Names => _kinds.Keys;

    /// <summary>The kinds as the sweep runner's registry.</summary>
    public TrialFactoryRegistry Registry() => _kinds.Values.Aggregate(new TrialFactoryRegistry(), (registry, kind) => registry.Register(kind));

    /// <summary>The kind of a configuration (its <c>trial</c> parameter).</summary>
    /// <exception cref="KeyNotFoundException">No kind of that name is registered (the message lists those that are).</exception>
    public IStudyTrial Of(ParameterSet parameters)
    {
        var name = parameters.GetCategory(ExperimentDefinition.TrialKindParameter);
        return _kinds.TryGetValue(name, out var kind)
            ? kind
            : throw new KeyNotFoundException($"No trial kind '{name}' is registered (registered: {string.Join(", ", _kinds.Keys.Order(StringComparer.Ordinal))}).");
    }

    /// <summary>The model family of a configuration (<see cref="IStudyTrial.Describe"/>).</summary>
    public string Describe(ParameterSet parameters) => Of(parameters).Describe(parameters);
}
