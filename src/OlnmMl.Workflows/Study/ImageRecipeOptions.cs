using System.Globalization;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Imaging.Morphology;
using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// The image recipe of an experiment from its data options: <c>channels</c> (image keys joined by <c>,</c>; default
/// <c>ct</c>), <c>crop</c> (cube edge, default 96), <c>spacing</c> (mm, default 1) and per key <c>window-KEY</c>
/// (<c>lower,upper</c>). Without a window option, keys starting with <c>ct</c> get the published CT window
/// [−1600, 400] HU and keys starting with <c>pet</c> the SUV window [0, 20]; any other key needs its window.
/// A key ending in <c>-peritumoral</c> (<c>ct-peritumoral</c>) is the image before the suffix kept only in the shell of
/// voxels outside the tumour mask within <c>peritumoral-mm</c> (default 3 mm) of it (<see cref="ChannelRecipe.InShell"/>).
/// </summary>
public static class ImageRecipeOptions
{
    /// <summary>The option that sets the outer distance (mm) of peritumoral channels.</summary>
    public const string ShellOption = "peritumoral-mm";

    /// <summary>The peritumoral shell's default outer distance: 3 mm, as the embedded peritumoral radiomics recipe.</summary>
    public const double DefaultShellMm = 3;

    /// <summary>The recipe of <paramref name="data"/> (read from <paramref name="experimentPath"/>, named in errors).</summary>
    /// <exception cref="OlnmUserException">An option does not parse, or a channel has no window.</exception>
    public static CropOptions Of(ExperimentData data, string experimentPath)
    {
        var options = data.Options;
        var channels = options.GetValueOrDefault("channels", "ct").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (channels.Length == 0 || channels.Distinct().Count() != channels.Length)
        {
            throw new OlnmUserException($"{experimentPath}: data.options.channels '{options.GetValueOrDefault("channels")}' must name distinct image keys (e.g. ct,pet)");
        }

        if (options.ContainsKey(ShellOption) && !channels.Any(key => PeritumoralRegion.ImageOf(key) is not null))
        {
            throw new OlnmUserException($"{experimentPath}: data.options.{ShellOption} is set but no channel is peritumoral (name one as IMAGE{PeritumoralRegion.KeySuffix}, e.g. channels: \"ct,ct{PeritumoralRegion.KeySuffix}\")");
        }

        return new CropOptions
        {
            Edge = Integer(options, "crop", 96, experimentPath),
            Spacing = Number(options, "spacing", 1, experimentPath),
            Channels = channels.Select(key => Channel(options, key, experimentPath)).ToArray(),
            RequireMaskInsideCrop = false,
        };
    }

    private static ChannelRecipe Channel(IReadOnlyDictionary<string, string> options, string key, string experimentPath)
    {
        var window = Window(options, key, experimentPath);
        return PeritumoralRegion.ImageOf(key) is { } image
            ? ChannelRecipe.InShell(image, window, new PeritumoralRegion(0, Number(options, ShellOption, DefaultShellMm, experimentPath)))
            : new ChannelRecipe(key, window);
    }

    private static IntensityWindow Window(IReadOnlyDictionary<string, string> options, string key, string experimentPath)
    {
        if (options.TryGetValue($"window-{key}", out var text))
        {
            return IntensityWindow.TryParse(text, out var window)
                ? window
                : throw new OlnmUserException($"{experimentPath}: data.options.window-{key} '{text}' is not 'lower,upper' with upper > lower");
        }

        return key.StartsWith("ct", StringComparison.Ordinal) ? ChannelRecipe.Ct.Window
            : key.StartsWith("pet", StringComparison.Ordinal) ? ChannelRecipe.PetSuv.Window
            : throw new OlnmUserException($"{experimentPath}: channel '{key}' needs an intensity window: set data.options.window-{key}: \"lower,upper\"");
    }

    /// <summary>Option <paramref name="name"/> as an integer ≥ <paramref name="minimum"/>, or <paramref name="fallback"/> when unset.</summary>
    /// <exception cref="OlnmUserException">The value is not such an integer (the message names the experiment, option and value).</exception>
    internal static int Integer(IReadOnlyDictionary<string, string> options, string name, int fallback, string experimentPath, int minimum = 1) =>
        !options.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value) && value >= minimum ? value
        : throw new OlnmUserException($"{experimentPath}: data.options.{name} '{text}' is not {(minimum == 1 ? "a positive integer" : $"an integer ≥ {minimum}")}");

    private static double Number(IReadOnlyDictionary<string, string> options, string name, double fallback, string experimentPath) =>
        !options.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 && double.IsFinite(value) ? value
        : throw new OlnmUserException($"{experimentPath}: data.options.{name} '{text}' is not a positive number");
}
