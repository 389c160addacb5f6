namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// How one named image of a case becomes one channel of the network input: resampled (trilinear) onto the
/// CT-aligned target grid, voxels outside the image set to <see cref="IntensityWindow.Lower"/>, then scaled by
/// <see cref="Window"/> to [0, 1].
/// </summary>
/// <param name="Key">The case's image key (<c>ct</c>, <c>pet</c>, <c>ct_arterial</c>, …).</param>
/// <param name="Window">Intensity scaling: HU for CT, SUV for PET.</param>
public sealed record ChannelRecipe(string Key, IntensityWindow Window)
{
    /// <summary>CT in HU, the published window [−1600, 400] → [0, 1].</summary>
    public static ChannelRecipe Ct { get; } = new("ct", IntensityWindow.ReferenceLung);

    /// <summary>PET in SUV, [0, 20] → [0, 1] (SUVs above 20 saturate).</summary>
    public static ChannelRecipe PetSuv { get; } = new("pet", new IntensityWindow(0f, 20f));

    /// <summary>The recipe's text in cache keys and model metadata, e.g. <c>ct[-1600,400]</c>.</summary>
    public string Fingerprint() => FormattableString.Invariant($"{Key}[{Window.Lower},{Window.Upper}]");
}
