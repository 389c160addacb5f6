namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// An ordered set of parameters, some conditional on an earlier categorical parameter. A configuration holds
/// exactly the active parameters: those without a condition and those whose condition holds.
/// </summary>
public sealed class SearchSpace
{
    private readonly Parameter[] _parameters;

    /// <summary>
    /// Creates a space. Names must be unique and every condition must name an earlier categorical parameter
    /// and only categories that parameter has.
    /// </summary>
    public SearchSpace(IEnumerable<Parameter> parameters)
    {
        ArgumentNullException.ThrowIfNull(parameters);
        _parameters = parameters.ToArray();
        var seen = new Dictionary<string, Parameter>(StringComparer.Ordinal);
        foreach (var parameter in _parameters)
        {
            if (parameter.Condition is { } condition)
            {
                if (!seen.TryGetValue(condition.Parent, out var parent) || parent is not CategoricalParameter categorical)
                {
                    throw new ArgumentException(
                        $"Parameter '{parameter.Name}' is conditional on '{condition.Parent}', which is not an earlier categorical parameter.");
                }

                var unknown = condition.Values.Where(v => !categorical.Choices.Contains(v, StringComparer.Ordinal)).ToArray();
                if (unknown.Length > 0 || condition.Values.Count == 0)
                {
                    throw new ArgumentException(
                        $"Parameter '{parameter.Name}' is conditional on {condition.Parent} in [{string.Join(", ", unknown)}], not choices of '{condition.Parent}'.");
                }
            }

            if (!seen.TryAdd(parameter.Name, parameter))
            {
                throw new ArgumentException($"The search space declares parameter '{parameter.Name}' twice.");
            }
        }
    }

    /// <summary>The parameters in declaration order (parents before their conditional children).</summary>
    public IReadOnlyList<Parameter> Parameters => _parameters;

    /// <summary>Number of parameters (active or not).</summary>
    public int Count => _parameters.Length;

    /// <summary>Samples every active parameter independently, in declaration order.</summary>
    public ParameterSet Sample(Random random)
    {
        ArgumentNullException.ThrowIfNull(random);
        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var parameter in _parameters)
        {
            if (parameter.Condition is null || parameter.Condition.IsSatisfiedBy(values))
            {
                values[parameter.Name] = parameter.Sample(random);
            }
        }

        return new ParameterSet(values);
    }

    /// <summary>
    /// Encodes a configuration as a vector with one slot per parameter: <see cref="Parameter.ToUnit"/> for active
    /// parameters and −1 for inactive ones (trees then separate the two).
    /// </summary>
    public void Encode(ParameterSet configuration, Span<double> destination)
    {
        if (destination.Length != _parameters.Length)
        {
            throw new ArgumentException($"Encoding needs {_parameters.Length} slots, got {destination.Length}.", nameof(destination));
        }

        for (var i = 0; i < _parameters.Length; i++)
        {
            destination[i] = configuration.TryGetValue(_parameters[i].Name, out var value) ? _parameters[i].ToUnit(value) : -1;
        }
    }

    /// <summary>Decodes a unit vector (one slot per parameter); inactive parameters are dropped whatever their slot.</summary>
    public ParameterSet Decode(ReadOnlySpan<double> unit)
    {
        if (unit.Length != _parameters.Length)
        {
            throw new ArgumentException($"Decoding needs {_parameters.Length} slots, got {unit.Length}.", nameof(unit));
        }

        var values = new Dictionary<string, ParameterValue>(StringComparer.Ordinal);
        for (var i = 0; i < _parameters.Length; i++)
        {
            var parameter = _parameters[i];
            if (parameter.Condition is null || parameter.Condition.IsSatisfiedBy(values))
            {
                values[parameter.Name] = parameter.FromUnit(unit[i]);
            }
        }

        return new ParameterSet(values);
    }

    /// <summary>
    /// Every configuration of the grid, in a fixed order (the last parameter varies fastest); numeric parameters
    /// take <paramref name="resolution"/> points, inactive parameters are absent, so no configuration repeats.
    /// </summary>
    public IReadOnlyList<ParameterSet> Grid(int resolution)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 1);
        var partials = new List<Dictionary<string, ParameterValue>> { new(StringComparer.Ordinal) };
        foreach (var parameter in _parameters)
        {
            var next = new List<Dictionary<string, ParameterValue>>();
            foreach (var partial in partials)
            {
                if (parameter.Condition is not null && !parameter.Condition.IsSatisfiedBy(partial))
                {
                    next.Add(partial);
                    continue;
                }

                foreach (var value in parameter.GridValues(resolution))
                {
                    next.Add(new Dictionary<string, ParameterValue>(partial, StringComparer.Ordinal) { [parameter.Name] = value });
                }
            }

            partials = next;
        }

        return partials.Select(p => new ParameterSet(p)).ToArray();
    }

    /// <summary>
    /// Checks that <paramref name="configuration"/> assigns exactly the active parameters, each a legal value;
    /// throws an <see cref="ArgumentException"/> naming the offending parameter otherwise.
    /// </summary>
    public void Validate(ParameterSet configuration)
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var active = new HashSet<string>(StringComparer.Ordinal);
        foreach (var parameter in _parameters)
        {
            var isActive = parameter.Condition is null || parameter.Condition.IsSatisfiedBy(configuration);
            var present = configuration.TryGetValue(parameter.Name, out var value);
            if (isActive && !present)
            {
                throw new ArgumentException($"Configuration [{configuration}] lacks active parameter '{parameter.Name}'.");
            }

            if (!isActive && present)
            {
                throw new ArgumentException($"Configuration [{configuration}] sets '{parameter.Name}', which is inactive there.");
            }

            if (present && !parameter.Contains(value))
            {
                throw new ArgumentException($"Configuration [{configuration}] sets '{parameter.Name}' = {value}, outside its range.");
            }

            active.Add(parameter.Name);
        }

        var unknown = configuration.Keys.Where(k => !active.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException($"Configuration [{configuration}] sets unknown parameters: {string.Join(", ", unknown)}.");
        }
    }
}
