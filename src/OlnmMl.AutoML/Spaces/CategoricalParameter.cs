namespace OlnmMl.AutoML.Spaces;

/// <summary>A choice among named categories; a single category makes a fixed value.</summary>
public sealed class CategoricalParameter : Parameter
{
    /// <summary>Creates a categorical parameter over distinct, non-empty <paramref name="choices"/>.</summary>
    public CategoricalParameter(string name, IReadOnlyList<string> choices, ParameterCondition? condition = null)
        : base(name, condition)
    {
        ArgumentNullException.ThrowIfNull(choices);
        if (choices.Count == 0)
        {
            throw new ArgumentException($"Categorical parameter '{name}' needs at least one choice.", nameof(choices));
        }

        if (choices.Any(string.IsNullOrEmpty) || choices.Distinct(StringComparer.Ordinal).Count() != choices.Count)
        {
            throw new ArgumentException($"Categorical parameter '{name}' has empty or repeated choices: [{string.Join(", ", choices)}].", nameof(choices));
        }

        Choices = choices.ToArray();
    }

    /// <summary>The categories, in declaration order.</summary>
    public IReadOnlyList<string> Choices { get; }

    /// <inheritdoc />
    public override ParameterValue Sample(Random random) => ParameterValue.Of(Choices[random.Next(Choices.Count)]);

    /// <inheritdoc />
    public override double ToUnit(ParameterValue value)
    {
        var index = IndexOf(value);
        return Choices.Count == 1 ? 0.5 : index / (double)(Choices.Count - 1);
    }

    /// <inheritdoc />
    public override ParameterValue FromUnit(double unit)
    {
        var index = (int)Math.Round(Math.Clamp(unit, 0, 1) * (Choices.Count - 1));
        return ParameterValue.Of(Choices[index]);
    }

    /// <inheritdoc />
    public override IReadOnlyList<ParameterValue> GridValues(int resolution) => Choices.Select(ParameterValue.Of).ToArray();

    /// <inheritdoc />
    public override bool Contains(ParameterValue value) =>
        value.Kind == ParameterValueKind.Categorical && Choices.Contains(value.AsCategory(), StringComparer.Ordinal);

    private int IndexOf(ParameterValue value)
    {
        var index = value.Kind == ParameterValueKind.Categorical ? Choices.ToList().IndexOf(value.AsCategory()) : -1;
        return index >= 0
            ? index
            : throw new ArgumentException($"'{value}' is not a choice of parameter '{Name}' ([{string.Join(", ", Choices)}]).", nameof(value));
    }
}
