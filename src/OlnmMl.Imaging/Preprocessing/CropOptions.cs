using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// The image recipe of a study: how a case's named images become one network input of the explicit shape
/// <see cref="Shape"/> = [C, E, E, E]. The CT fixes the target grid (its axes, resampled to <see cref="Spacing"/> mm;
/// the mask nearest-neighbour); each of <see cref="Channels"/> (in order) is resampled onto it and scaled by its window;
/// the <see cref="Edge"/>³ cube is centred on the mask. Defaults are the published fusion pipeline's: CT only,
/// 1 mm, [−1600, 400] HU → [0, 1], 96³.
/// </summary>
public sealed record CropOptions
{
    /// <summary>Isotropic target spacing in mm.</summary>
    public double Spacing { get; init; } = 1.0;

    /// <summary>Cube edge in voxels.</summary>
    public int Edge { get; init; } = 96;

    /// <summary>The channels in input order (each a case image key and its intensity scaling).</summary>
    public IReadOnlyList<ChannelRecipe> Channels { get; init; } = [ChannelRecipe.Ct];

    /// <summary>
    /// When true, a mask larger than the cube is an error; when false the cube is centred on the
    /// mask and the tumour is clipped.
    /// </summary>
    public bool RequireMaskInsideCrop { get; init; } = true;

    /// <summary>The isotropic spacing as a vector.</summary>
    public Vec3 SpacingVector => new(Spacing, Spacing, Spacing);

    /// <summary>The image keys of <see cref="Channels"/>, in order.</summary>
    public IReadOnlyList<string> ChannelKeys => Channels.Select(c => c.Key).ToArray();

    /// <summary>The network input's shape per case: [C, D, H, W] = [channels, E, E, E].</summary>
    public int[] Shape => [Channels.Count, Edge, Edge, Edge];

    /// <summary>Number of floats per case: C·E³.</summary>
    public int Length => Channels.Count * Edge * Edge * Edge;

    /// <summary>A short stable text of every setting, used in cache keys and written into saved models.</summary>
    public string Fingerprint() =>
        FormattableString.Invariant($"crop-v2;s={Spacing};e={Edge};c={string.Join('+', Channels.Select(c => c.Fingerprint()))};strict={RequireMaskInsideCrop}");

    /// <summary>One line for a person: e.g. <c>ct[-1600,400]+pet[0,20], 96³ at 1 mm</c>.</summary>
    public string Describe() =>
        FormattableString.Invariant($"{string.Join(" + ", Channels.Select(c => c.Fingerprint()))}, {Edge}³ at {Spacing} mm isotropic, centred on the mask");
}
