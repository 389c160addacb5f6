using OlnmMl.Imaging.Morphology;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// How one named image of a case becomes one channel of the network input: resampled (trilinear) onto the
/// CT-aligned target grid, voxels outside the image set to <see cref="IntensityWindow.Lower"/>, then scaled by
/// <see cref="Window"/> to [0, 1]. A peritumoral channel (<see cref="Peritumoral"/>) keeps only the voxels of the shell
/// around the tumour and sets every other voxel to <see cref="IntensityWindow.Lower"/> (0 after scaling), so a network
/// sees the tissue next to the tumour as a channel of its own.
/// </summary>
/// <param name="Key">The channel's name: the case's image key (<c>ct</c>, <c>pet</c>, <c>ct_arterial</c>, …), or for a
/// peritumoral channel the image key followed by <see cref="PeritumoralRegion.KeySuffix"/> (<c>ct-peritumoral</c>).</param>
/// <param name="Window">Intensity scaling: HU for CT, SUV for PET.</param>
public sealed record ChannelRecipe(string Key, IntensityWindow Window)
{
    /// <summary>CT in HU, the published window [−1600, 400] → [0, 1].</summary>
    public static ChannelRecipe Ct { get; } = new("ct", IntensityWindow.ReferenceLung);

    /// <summary>PET in SUV, [0, 20] → [0, 1] (SUVs above 20 saturate).</summary>
    public static ChannelRecipe PetSuv { get; } = new("pet", new IntensityWindow(0f, 20f));

    /// <summary>The shell this channel is restricted to, or null for the whole image.</summary>
    public PeritumoralRegion? Peritumoral { get; init; }

    /// <summary>The case image the channel reads: <see cref="Key"/>, less <see cref="PeritumoralRegion.KeySuffix"/> for a peritumoral channel.</summary>
    public string ImageKey => Peritumoral is null ? Key : PeritumoralRegion.ImageOf(Key) ?? Key;

    /// <summary>The channel of image <paramref name="imageKey"/> inside <paramref name="shell"/>, named <c>IMAGE-peritumoral</c>.</summary>
    public static ChannelRecipe InShell(string imageKey, IntensityWindow window, PeritumoralRegion shell) =>
        new(imageKey + PeritumoralRegion.KeySuffix, window) { Peritumoral = shell };

    /// <summary>The recipe's text in cache keys and model metadata, e.g. <c>ct[-1600,400]</c> or <c>ct-peritumoral(0,3mm][-1000,-400]</c>.</summary>
    public string Fingerprint() => Peritumoral is { } shell
        ? FormattableString.Invariant($"{Key}({shell.InnerMm},{shell.OuterMm}mm][{Window.Lower},{Window.Upper}]")
        : FormattableString.Invariant($"{Key}[{Window.Lower},{Window.Upper}]");
}
