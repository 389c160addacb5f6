using System.Globalization;

namespace OlnmMl.AutoML.Spaces;

/// <summary>The kind of value a search-space parameter takes.</summary>
public enum ParameterValueKind
{
    /// <summary>A choice among named options (text).</summary>
    Categorical,
    /// <summary>A 64-bit integer.</summary>
    Integer,
    /// <summary>A double-precision number.</summary>
    Float,
}

/// <summary>
/// One immutable parameter value: a category name, an integer or a float. Equality is by kind and value.
/// </summary>
public readonly record struct ParameterValue
{
    private ParameterValue(ParameterValueKind kind, string? text, long integer, double number)
    {
        Kind = kind;
        Text = text;
        Integer = integer;
        Number = number;
    }

    /// <summary>The kind of the value.</summary>
    public ParameterValueKind Kind { get; }

    private string? Text { get; }

    private long Integer { get; }

    private double Number { get; }

    /// <summary>A categorical value.</summary>
    public static ParameterValue Of(string category)
    {
        ArgumentException.ThrowIfNullOrEmpty(category);
        return new ParameterValue(ParameterValueKind.Categorical, category, 0, 0);
    }

    /// <summary>An integer value.</summary>
    public static ParameterValue Of(long integer) => new(ParameterValueKind.Integer, null, integer, integer);

    /// <summary>A float value; it must be finite.</summary>
    public static ParameterValue Of(double number)
    {
        if (!double.IsFinite(number))
        {
            throw new ArgumentOutOfRangeException(nameof(number), number, "A float parameter value must be finite.");
        }

        return new ParameterValue(ParameterValueKind.Float, null, 0, number);
    }

    /// <summary>The category name; throws when the value is not categorical.</summary>
    public string AsCategory() => Kind == ParameterValueKind.Categorical
        ? Text!
        : throw new InvalidOperationException($"The value {this} is a {Kind}, not a category.");

    /// <summary>The integer; throws when the value is not an integer.</summary>
    public long AsInteger() => Kind == ParameterValueKind.Integer
        ? Integer
        : throw new InvalidOperationException($"The value {this} is a {Kind}, not an integer.");

    /// <summary>The value as a double: the float itself or the integer widened; throws for a category.</summary>
    public double AsDouble() => Kind switch
    {
        ParameterValueKind.Float => Number,
        ParameterValueKind.Integer => Integer,
        _ => throw new InvalidOperationException($"The category '{Text}' has no numeric value."),
    };

    /// <summary>Invariant-culture text: the category, the integer, or the float in round-trip form.</summary>
    public override string ToString() => Kind switch
    {
        ParameterValueKind.Categorical => Text!,
        ParameterValueKind.Integer => Integer.ToString(CultureInfo.InvariantCulture),
        _ => Number.ToString("R", CultureInfo.InvariantCulture),
    };
}
