using System.Globalization;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// The slice-bag recipe (<see cref="SliceBagOptions"/>) of an experiment from its data options. Channels, windows and
/// spacing are the image recipe's (<c>channels</c>, <c>window-KEY</c>, <c>spacing</c>; <see cref="ImageRecipeOptions"/>);
/// the bag options are:
/// <list type="bullet">
/// <item><c>bags</c>: <c>axial</c> (default) or <c>axial+orthogonal</c> (adds the coronal and sagittal planes through the tumour centroid).</item>
/// <item><c>bag-selection</c>: <c>all</c> (default: every axial slice with mask), <c>largest-K</c> (the K largest cross-sections)
/// or <c>every-N</c> (every N-th mask slice from the first).</item>
/// <item><c>bag-size</c>: instance edge in pixels at the recipe spacing (default 64).</item>
/// <item><c>bag-max</c>: the most instances per bag, orthogonal planes included (default 32); a tumour with more selected
/// slices keeps its largest cross-sections. With <c>axial+orthogonal</c> it must be at least 3.</item>
/// <item><c>bag-neighbours</c>: slices k on each side stacked as channels (default 1: slices −1, 0, +1; 0: one slice).</item>
/// </list>
/// Errors read <c>EXPERIMENT: data.options.NAME 'VALUE' is …</c>.
/// </summary>
public static class SliceBagRecipeOptions
{
    private const string Planes = "bags";
    private const string Selection = "bag-selection";
    private const string Maximum = "bag-max";

    /// <summary>The slice-bag recipe of <paramref name="data"/> (read from <paramref name="experimentPath"/>, named in errors).</summary>
    /// <exception cref="OlnmUserException">An option does not parse or the maximum leaves no axial slice.</exception>
    public static SliceBagOptions Of(ExperimentData data, string experimentPath)
    {
        var recipe = ImageRecipeOptions.Of(data, experimentPath);
        var options = data.Options;
        var (selection, count) = SelectionOf(options, experimentPath);
        var bags = new SliceBagOptions
        {
            Spacing = recipe.Spacing,
            Channels = recipe.Channels,
            Orthogonal = options.GetValueOrDefault(Planes, "axial") switch
            {
                "axial" => false,
                "axial+orthogonal" => true,
                var text => throw new OlnmUserException($"{experimentPath}: data.options.{Planes} '{text}' is not axial or axial+orthogonal"),
            },
            Selection = selection,
            SelectionCount = count,
            Size = ImageRecipeOptions.Integer(options, "bag-size", 64, experimentPath),
            MaxInstances = ImageRecipeOptions.Integer(options, Maximum, 32, experimentPath),
            Neighbours = ImageRecipeOptions.Integer(options, "bag-neighbours", 1, experimentPath, minimum: 0),
        };
        return bags.MaxAxial >= 1
            ? bags
            : throw new OlnmUserException(
                $"{experimentPath}: data.options.{Maximum} '{bags.MaxInstances}' leaves no room for an axial slice beside the coronal and sagittal planes (bags: axial+orthogonal needs at least 3)");
    }

    private static (SliceSelection Selection, int Count) SelectionOf(IReadOnlyDictionary<string, string> options, string experimentPath)
    {
        var text = options.GetValueOrDefault(Selection, "all");
        if (text == "all")
        {
            return (SliceSelection.All, 1);
        }

        var dash = text.LastIndexOf('-');
        var kind = dash < 0 ? null : text[..dash] switch
        {
            "largest" => (SliceSelection?)SliceSelection.Largest,
            "every" => SliceSelection.EveryNth,
            _ => null,
        };
        return kind is { } selection && int.TryParse(text.AsSpan(dash + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var count) && count > 0
            ? (selection, count)
            : throw new OlnmUserException($"{experimentPath}: data.options.{Selection} '{text}' is not all, largest-K or every-N (K, N positive integers)");
    }
}
