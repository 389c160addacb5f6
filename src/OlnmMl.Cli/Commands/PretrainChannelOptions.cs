using System.Globalization;
using OlnmMl.Imaging.Morphology;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Cli.Commands;

/// <summary>
/// The channel of <c>olnm pretrain</c>'s crops from <c>--channel</c>, <c>--window</c> and <c>--peritumoral-mm</c>, built as a
/// study's <see cref="ImageRecipeOptions"/> builds the same channel from <c>channels</c>, <c>window-KEY</c> and
/// <c>peritumoral-mm</c>: same defaults (the CT window [−1600, 400] HU, a 3 mm shell), so an encoder pre-trains on the crops
/// its fine-tuning trials read.
/// </summary>
internal static class PretrainChannelOptions
{
    /// <summary>The channels pre-training can read: the CT, or the CT in the shell around the tumour mask.</summary>
    public static IReadOnlyList<string> Names { get; } = ["ct", "ct" + PeritumoralRegion.KeySuffix];

    /// <summary>
    /// The recipe of channel <paramref name="channel"/> with window <paramref name="window"/> (<c>lower,upper</c>; null = the CT
    /// default) and, for the peritumoral channel, the shell's outer distance <paramref name="shellMm"/> (null = 3 mm).
    /// </summary>
    /// <exception cref="ArgumentException">An unknown channel, a window that is not <c>lower,upper</c> with upper &gt; lower, a
    /// shell distance that is not a positive number, or a shell distance for the whole-CT channel (one line naming the option).</exception>
    public static ChannelRecipe Parse(string channel, string? window, double? shellMm)
    {
        if (!Names.Contains(channel))
        {
            throw new ArgumentException($"--channel: '{channel}' is not a pre-training channel (known: {string.Join(", ", Names)}).");
        }

        var range = window is null ? ChannelRecipe.Ct.Window : Window(window);
        if (channel == "ct")
        {
            return shellMm is null
                ? new ChannelRecipe(channel, range)
                : throw new ArgumentException($"--peritumoral-mm: set, but --channel is 'ct'; the shell applies to --channel {Names[1]}.");
        }

        var outer = shellMm ?? ImageRecipeOptions.DefaultShellMm;
        return outer > 0 && double.IsFinite(outer)
            ? ChannelRecipe.InShell("ct", range, new PeritumoralRegion(0, outer))
            : throw new ArgumentException(string.Create(CultureInfo.InvariantCulture, $"--peritumoral-mm: '{outer}' is not a positive number of mm."));
    }

    private static IntensityWindow Window(string text)
    {
        return IntensityWindow.TryParse(text, out var window)
            ? window
            : throw new ArgumentException($"--window: '{text}' is not 'lower,upper' (HU) with upper > lower.");
    }
}
