using ScottPlot;

namespace OlnmMl.Reporting.Figures;

/// <summary>
/// One colour per model for every figure of a report: the i-th distinct model named gets the i-th palette colour
/// (cycled), whatever order a figure draws or sorts its models in.
/// </summary>
public sealed class ModelPalette
{
    private readonly Dictionary<string, Color> _colours = new(StringComparer.Ordinal);

    /// <summary>Assigns the colours in the order of <paramref name="models"/> (repeats keep their first colour).</summary>
    /// <param name="models">Model names, in the report's order.</param>
    public ModelPalette(IEnumerable<string> models)
    {
        ArgumentNullException.ThrowIfNull(models);
        foreach (var model in models)
        {
            _colours.TryAdd(model, FigureStyle.Series(_colours.Count));
        }
    }

    /// <summary>The colour of each model.</summary>
    public IReadOnlyDictionary<string, Color> Colours => _colours;

    /// <summary>The colour of <paramref name="model"/>.</summary>
    /// <exception cref="KeyNotFoundException">The palette was not built with <paramref name="model"/>.</exception>
    public Color this[string model] =>
        _colours.TryGetValue(model, out var colour) ? colour : throw new KeyNotFoundException($"Model '{model}' has no colour in this palette ({string.Join(", ", _colours.Keys)}).");
}
