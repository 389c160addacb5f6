namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// Declares a numeric option property as a search-space dimension, as <c>Microsoft.ML.SearchSpace.RangeAttribute</c>
/// does: integer bounds make an <see cref="IntegerParameter"/>, real bounds a <see cref="FloatParameter"/>, sampled
/// uniformly in x or, with <c>logBase</c>, in ln x. <see cref="SearchSpaces.FromOptions{TOptions}"/> reads it.
/// </summary>
/// <remarks>
/// Differs from ML.NET: <see cref="Init"/> is kept for source compatibility but our tuners start from random or grid
/// points, not from the initial value.
/// </remarks>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class RangeAttribute : Attribute
{
    /// <summary>A real range [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public RangeAttribute(double min, double max, bool logBase = false)
        : this(min, max, null, logBase, isInteger: false)
    {
    }

    /// <summary>A real range [<paramref name="min"/>, <paramref name="max"/>] with an initial value.</summary>
    public RangeAttribute(double min, double max, double init, bool logBase = false)
        : this(min, max, init, logBase, isInteger: false)
    {
    }

    /// <summary>An integer range [<paramref name="min"/>, <paramref name="max"/>].</summary>
    public RangeAttribute(int min, int max, bool logBase = false)
        : this(min, max, null, logBase, isInteger: true)
    {
    }

    /// <summary>An integer range [<paramref name="min"/>, <paramref name="max"/>] with an initial value.</summary>
    public RangeAttribute(int min, int max, int init, bool logBase = false)
        : this(min, max, init, logBase, isInteger: true)
    {
    }

    private RangeAttribute(double min, double max, double? init, bool logBase, bool isInteger)
    {
        Min = min;
        Max = max;
        Init = init;
        LogBase = logBase;
        IsInteger = isInteger;
    }

    /// <summary>Smallest value.</summary>
    public double Min { get; }

    /// <summary>Largest value.</summary>
    public double Max { get; }

    /// <summary>Initial value (not used by our tuners), or null.</summary>
    public double? Init { get; }

    /// <summary>True when sampled uniformly in ln x.</summary>
    public bool LogBase { get; }

    /// <summary>True for integer bounds (an <see cref="IntegerParameter"/>).</summary>
    public bool IsInteger { get; }
}
