namespace OlnmMl.AutoML.Spaces;

/// <summary>A real number in [low, high], sampled uniformly on a linear or log scale.</summary>
public sealed class FloatParameter : Parameter
{
    private readonly NumericScale _scale;

    /// <summary>Creates a float parameter over [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public FloatParameter(string name, double low, double high, bool log = false, ParameterCondition? condition = null)
        : base(name, condition)
    {
        _scale = NumericScale.Create(name, low, high, log);
    }

    /// <summary>Smallest value.</summary>
    public double Low => _scale.Low;

    /// <summary>Largest value.</summary>
    public double High => _scale.High;

    /// <summary>True when sampled uniformly in ln x.</summary>
    public bool Log => _scale.Log;

    /// <inheritdoc />
    public override ParameterValue Sample(Random random) => ParameterValue.Of(_scale.FromUnit(random.NextDouble()));

    /// <inheritdoc />
    public override double ToUnit(ParameterValue value) => Contains(value)
        ? _scale.ToUnit(value.AsDouble())
        : throw new ArgumentException($"{value} is outside float parameter '{Name}' [{Low}, {High}].", nameof(value));

    /// <inheritdoc />
    public override ParameterValue FromUnit(double unit) => ParameterValue.Of(_scale.FromUnit(unit));

    /// <inheritdoc />
    public override IReadOnlyList<ParameterValue> GridValues(int resolution)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 1);
        var points = resolution == 1 ? [0.5] : Enumerable.Range(0, resolution).Select(i => i / (double)(resolution - 1));
        return points.Select(FromUnit).ToArray();
    }

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) =>
        value.Kind == ParameterValueKind.Float && value.AsDouble() >= Low && value.AsDouble() <= High;
}
