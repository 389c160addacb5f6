namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// One dimension of a search space. Every parameter maps its values to and from the unit interval
/// (the encoding the model-based tuner works in) and enumerates grid points.
/// </summary>
public abstract class Parameter
{
    /// <summary>Creates a parameter.</summary>
    protected Parameter(string name, ParameterCondition? condition)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        Name = name;
        Condition = condition;
    }

    /// <summary>Unique name within the space.</summary>
    public string Name { get; }

    /// <summary>When set, the parameter only exists while the condition holds.</summary>
    public ParameterCondition? Condition { get; }

    /// <summary>Draws a value uniformly in the parameter's own scale (log scale for log parameters).</summary>
    public abstract ParameterValue Sample(Random random);

    /// <summary>Maps a value to [0, 1]: categories to index/(k−1), numbers through the (log-)linear scale.</summary>
    public abstract double ToUnit(ParameterValue value);

    /// <summary>Inverse of <see cref="ToUnit"/>; <paramref name="unit"/> is clamped to [0, 1] and integers rounded.</summary>
    public abstract ParameterValue FromUnit(double unit);

    /// <summary>The grid points: all categories, or <paramref name="resolution"/> evenly spaced values (distinct integers).</summary>
    public abstract IReadOnlyList<ParameterValue> GridValues(int resolution);

    /// <summary>True when <paramref name="value"/> is a legal value of this parameter.</summary>
    public abstract bool Contains(ParameterValue value);
}
