using System.Globalization;

namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// Declares an option property as a categorical search-space dimension over <see cref="Candidates"/>, as
/// <c>Microsoft.ML.SearchSpace.ChoiceAttribute</c> does. Each candidate becomes the category written with the
/// invariant culture (<c>"rbf"</c>, <c>"3"</c>), a bool in lower case as in the experiment YAML (<c>"true"</c>);
/// a category is converted back to the property's type (string, enum by name, bool, or a number) when the options
/// are bound.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class ChoiceAttribute : Attribute
{
    /// <summary>A choice among <paramref name="candidates"/>.</summary>
    public ChoiceAttribute(params object[] candidates)
    {
        ArgumentNullException.ThrowIfNull(candidates);
        Candidates = candidates.Select(Category).ToArray();
    }

    /// <summary>A choice among <paramref name="candidates"/> with a default (not used by our tuners).</summary>
    public ChoiceAttribute(object[] candidates, object defaultValue)
        : this(candidates)
    {
        DefaultValue = Category(defaultValue);
    }

    /// <summary>The categories, in declaration order.</summary>
    public IReadOnlyList<string> Candidates { get; }

    /// <summary>The default category (not used by our tuners), or null.</summary>
    public string? DefaultValue { get; }

    /// <summary>The category text of a candidate value.</summary>
    internal static string Category(object? value) => value is bool flag
        ? (flag ? "true" : "false")
        : Convert.ToString(value, CultureInfo.InvariantCulture) ?? string.Empty;
}
