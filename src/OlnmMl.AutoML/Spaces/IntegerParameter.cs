namespace OlnmMl.AutoML.Spaces;

/// <summary>An integer in [low, high], sampled uniformly on a linear or log scale.</summary>
public sealed class IntegerParameter : Parameter
{
    private readonly NumericScale _scale;

    /// <summary>Creates an integer parameter over [<paramref name="low"/>, <paramref name="high"/>].</summary>
    public IntegerParameter(string name, long low, long high, bool log = false, ParameterCondition? condition = null)
        : base(name, condition)
    {
        _scale = NumericScale.Create(name, low, high, log);
        Low = low;
        High = high;
    }

    /// <summary>Smallest value.</summary>
    public long Low { get; }

    /// <summary>Largest value.</summary>
    public long High { get; }

    /// <summary>True when sampled uniformly in ln x.</summary>
    public bool Log => _scale.Log;

    /// <inheritdoc />
    public override ParameterValue Sample(Random random)
    {
        // Widen by half a step each side so that after rounding every integer is equally likely on the linear scale.
        var widened = NumericScale.Create(Name, Low - 0.4999, High + 0.4999, false);
        var x = Log ? _scale.FromUnit(random.NextDouble()) : widened.FromUnit(random.NextDouble());
        return ParameterValue.Of(Math.Clamp((long)Math.Round(x), Low, High));
    }

    /// <inheritdoc />
    public override double ToUnit(ParameterValue value) => Contains(value)
        ? _scale.ToUnit(value.AsInteger())
        : throw new ArgumentException($"{value} is outside integer parameter '{Name}' [{Low}, {High}].", nameof(value));

    /// <inheritdoc />
    public override ParameterValue FromUnit(double unit) => ParameterValue.Of(Math.Clamp((long)Math.Round(_scale.FromUnit(unit)), Low, High));

    /// <inheritdoc />
    public override IReadOnlyList<ParameterValue> GridValues(int resolution)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(resolution, 1);
        var points = resolution == 1 ? [0.5] : Enumerable.Range(0, resolution).Select(i => i / (double)(resolution - 1));
        return points.Select(FromUnit).Distinct().ToArray();
    }

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) =>
        value.Kind == ParameterValueKind.Integer && value.AsInteger() >= Low && value.AsInteger() <= High;
}
