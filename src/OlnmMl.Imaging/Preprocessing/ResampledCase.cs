using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Morphology;
using OlnmMl.Imaging.Resampling;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// The first step of every image recipe (cube crops, slice bags): the case's CT (<c>ct</c>) fixes the target grid — its
/// axes, resampled to the recipe spacing (<see cref="Resampler.AlignedGrid"/>) — and the tumour mask (<c>mask</c>, which
/// must share the CT's grid) is resampled onto it by nearest neighbour. Recipe channels are then resampled onto the same
/// grid by <see cref="Channel"/>.
/// </summary>
/// <param name="Images">The case's images by key.</param>
/// <param name="Ct">The CT as read.</param>
/// <param name="Mask">The mask on the target grid (0/1).</param>
/// <param name="MaskPath">The mask's file, named in errors about the mask.</param>
/// <param name="Bounds">The mask's bounding box on the target grid.</param>
public sealed record ResampledCase(IReadOnlyDictionary<string, string> Images, Volume Ct, Volume Mask, string MaskPath, MaskBounds Bounds)
{
    /// <summary>The target grid.</summary>
    public ImageGeometry Grid => Mask.Geometry;

    /// <summary>Reads the CT and mask of <paramref name="images"/> and resamples the mask to <paramref name="spacing"/>.</summary>
    /// <exception cref="VolumeFormatException">The CT or mask is missing or unreadable, the mask is off the CT grid, or the mask is empty after resampling (the message names the mask file).</exception>
    public static ResampledCase Read(IReadOnlyDictionary<string, string> images, Vec3 spacing)
    {
        var ct = VolumeIO.Read(PathOf(images, CasePreprocessor.ReferenceKey));
        var maskPath = PathOf(images, CasePreprocessor.MaskKey);
        var mask = VolumeIO.Read(maskPath);
        if (!mask.Geometry.SameGrid(ct.Geometry))
        {
            throw new VolumeFormatException(
                maskPath, $"mask is not on the image grid (mask {mask.Geometry.Describe()}; image {ct.Geometry.Describe()})");
        }

        var resampled = Resampler.ResampleMask(mask, Resampler.AlignedGrid(ct.Geometry, spacing));
        var bounds = MaskBounds.Of(resampled)
            ?? throw new VolumeFormatException(maskPath, "mask is empty after resampling (no voxel > 0.5)");
        return new ResampledCase(images, ct, resampled, maskPath, bounds);
    }

    /// <summary>The path of image <paramref name="key"/> of <paramref name="images"/>.</summary>
    /// <exception cref="VolumeFormatException">The case has no such image (the message names the CT, or "(case)").</exception>
    public static string PathOf(IReadOnlyDictionary<string, string> images, string key) =>
        images.TryGetValue(key, out var path)
            ? path
            : throw new VolumeFormatException(
                images.GetValueOrDefault(CasePreprocessor.ReferenceKey) ?? "(case)",
                $"the case has no image '{key}', which the image recipe needs (it has: {string.Join(", ", images.Keys)})");

    /// <summary>The path of this case's image <paramref name="key"/>.</summary>
    public string PathOf(string key) => PathOf(Images, key);

    /// <summary>
    /// The image of <paramref name="recipe"/> (<see cref="ChannelRecipe.ImageKey"/>) resampled (trilinear) onto <see cref="Grid"/>;
    /// voxels outside the image, and for a peritumoral channel every voxel outside its shell around <see cref="Mask"/>
    /// (<see cref="PeritumoralRegion.Shell"/> on the target grid), take the window's lower bound.
    /// </summary>
    public Volume Channel(ChannelRecipe recipe)
    {
        var source = recipe.ImageKey == CasePreprocessor.ReferenceKey ? Ct : VolumeIO.Read(PathOf(recipe.ImageKey));
        var channel = Resampler.Resample(source, Grid, Interpolation.Linear, recipe.Window.Lower);
        if (recipe.Peritumoral is { } region)
        {
            KeepShell(channel, region, recipe.Window.Lower);
        }

        return channel;
    }

    /// <summary>
    /// Sets every voxel of <paramref name="channel"/> outside <paramref name="region"/>'s shell around <see cref="Mask"/> to
    /// <paramref name="outsideValue"/>. The distance transform runs on the mask's bounding box grown by ⌈outer / spacing⌉ + 1
    /// voxels per axis (clamped to the grid): every mask voxel lies inside it and every voxel beyond it is farther than the
    /// outer distance, so the shell is that of the whole grid.
    /// </summary>
    private void KeepShell(Volume channel, PeritumoralRegion region, float outsideValue)
    {
        var (size, spacing) = (Grid.Size, Grid.Spacing);
        int Margin(double step) => (int)Math.Ceiling(region.OuterMm / step) + 1;
        var (x0, y0, z0) = (Math.Max(0, Bounds.MinX - Margin(spacing.X)), Math.Max(0, Bounds.MinY - Margin(spacing.Y)), Math.Max(0, Bounds.MinZ - Margin(spacing.Z)));
        var (x1, y1, z1) = (Math.Min(size.X - 1, Bounds.MaxX + Margin(spacing.X)), Math.Min(size.Y - 1, Bounds.MaxY + Margin(spacing.Y)), Math.Min(size.Z - 1, Bounds.MaxZ + Margin(spacing.Z)));
        var box = new GridSize(x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1);
        var tumour = new bool[checked((int)box.Count)];
        for (var z = 0; z < box.Z; z++)
        {
            for (var y = 0; y < box.Y; y++)
            {
                for (var x = 0; x < box.X; x++)
                {
                    tumour[box.Index(x, y, z)] = Mask.Voxels[size.Index(x0 + x, y0 + y, z0 + z)] > 0.5f;
                }
            }
        }

        var shell = region.Shell(tumour, box, spacing);
        var voxels = channel.Voxels;
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    var inBox = x >= x0 && x <= x1 && y >= y0 && y <= y1 && z >= z0 && z <= z1;
                    if (!inBox || !shell[box.Index(x - x0, y - y0, z - z0)])
                    {
                        voxels[size.Index(x, y, z)] = outsideValue;
                    }
                }
            }
        }
    }

    /// <summary>Throws when <paramref name="values"/> (a crop of <paramref name="path"/>) holds a NaN or ±∞.</summary>
    /// <exception cref="VolumeFormatException">A value is not finite (the message gives it and its index).</exception>
    public static void ThrowIfNotFinite(string path, ReadOnlySpan<float> values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new VolumeFormatException(path, $"the crop contains a non-finite voxel value ({values[i]}) at index {i}");
            }
        }
    }
}
