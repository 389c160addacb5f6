using OlnmMl.AutoML.Experiments;

namespace OlnmMl.AutoML.Runner;

/// <summary>Trial factories by name; the host (the CLI) registers its kinds before running a sweep.</summary>
public sealed class TrialFactoryRegistry
{
    private readonly Dictionary<string, ITrialFactory> _factories = new(StringComparer.Ordinal);

    /// <summary>Registers <paramref name="factory"/>; throws when its name is taken. Returns this registry.</summary>
    public TrialFactoryRegistry Register(ITrialFactory factory)
    {
        ArgumentNullException.ThrowIfNull(factory);
        if (!_factories.TryAdd(factory.Name, factory))
        {
            throw new ArgumentException($"A trial factory named '{factory.Name}' is already registered.", nameof(factory));
        }

        return this;
    }

    /// <summary>The registered names.</summary>
    public IReadOnlyCollection<string> Names => _factories.Keys;

    /// <summary>The factory named <paramref name="name"/>; throws naming the registered kinds when absent.</summary>
    public ITrialFactory Resolve(string name) => _factories.TryGetValue(name, out var factory)
        ? factory
        : throw new KeyNotFoundException(
            $"No trial factory '{name}' is registered (registered: {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))}).");

    /// <summary>Throws when a choice of the experiment's trial parameter has no registered factory.</summary>
    public void RequireAll(ExperimentDefinition experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var missing = experiment.TrialKinds.Where(k => !_factories.ContainsKey(k)).ToArray();
        if (missing.Length > 0)
        {
            throw new KeyNotFoundException(
                $"Experiment '{experiment.Name}' uses trial kinds with no registered factory: {string.Join(", ", missing)} "
                + $"(registered: {string.Join(", ", _factories.Keys.Order(StringComparer.Ordinal))}).");
        }
    }
}
