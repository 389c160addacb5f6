using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Morphology;

/// <summary>
/// Features of the tissue around the tumour instead of the tumour: the morphological mask becomes the shell of voxels
/// outside the (interpolated) tumour mask whose centre lies at a Euclidean distance d from the nearest tumour voxel centre
/// with <see cref="InnerMm"/> &lt; d ≤ <see cref="OuterMm"/> (<see cref="EuclideanDistance"/>). The shell is formed on the
/// interpolation grid before re-segmentation, so a recipe's intensity range still removes, e.g., chest wall or vessels.
/// Peritumoral radiomics of lung adenocarcinoma reads a 3–5 mm shell (e.g. Beig et al., Radiology 2019).
/// </summary>
/// <param name="InnerMm">Inner distance (mm, ≥ 0; 0 starts at the tumour surface).</param>
/// <param name="OuterMm">Outer distance (mm, &gt; <paramref name="InnerMm"/>).</param>
public sealed record PeritumoralRegion(double InnerMm, double OuterMm)
{
    /// <summary>The suffix of an image key that names the image's peritumoral shell (<c>ct-peritumoral</c>), in radiomics keys and network channels.</summary>
    public const string KeySuffix = "-peritumoral";

    /// <summary>The image a peritumoral key (<c>IMAGE-peritumoral</c>) reads, or null when <paramref name="key"/> is not one.</summary>
    public static string? ImageOf(string key) =>
        key.Length > KeySuffix.Length && key.EndsWith(KeySuffix, StringComparison.Ordinal) ? key[..^KeySuffix.Length] : null;

    /// <summary>The shell of <paramref name="tumour"/> on a grid of <paramref name="size"/> and <paramref name="spacing"/> (x fastest).</summary>
    public bool[] Shell(ReadOnlySpan<bool> tumour, GridSize size, Vec3 spacing)
    {
        var distance = EuclideanDistance.Transform(tumour, size, spacing);
        var shell = new bool[distance.Length];
        for (var i = 0; i < shell.Length; i++)
        {
            shell[i] = !tumour[i] && distance[i] > InnerMm && distance[i] <= OuterMm;
        }

        return shell;
    }
}
