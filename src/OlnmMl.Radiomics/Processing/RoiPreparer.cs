using System.Globalization;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.Resampling;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Processing;

/// <summary>
/// Turns an image and its mask into the <see cref="RoiImage"/> the features are computed on: the mask is
/// brought onto the image grid, the grid is cropped around the mask with a margin, interpolated as IBSI
/// prescribes (grid centres aligned with the whole image's, so the crop does not change the sampling),
/// and re-segmented. A recipe with a <see cref="RadiomicsSettings.Peritumoral"/> region replaces the interpolated tumour
/// mask by its shell before re-segmentation (the crop's margin grows by the shell's outer distance).
/// </summary>
public static class RoiPreparer
{
    /// <summary>
    /// Prepares the ROI. The mask is binarised first (voxels &gt; 0.5 → 1), so its stored value does not change
    /// the interpolated ROI. When the mask is empty on the image grid or after interpolation, returns null with a
    /// warning, or with <paramref name="strict"/> throws; an intensity mask left empty by re-segmentation is a
    /// warning, or with <paramref name="strict"/> an error naming the range and the fraction of ROI voxels inside it.
    /// <paramref name="marginMm"/> is the context kept around the mask (filter support, local peak sphere).
    /// </summary>
    /// <exception cref="RoiException">
    /// The resampled grid would exceed <paramref name="maxVoxels"/> (checked before allocating), or, with
    /// <paramref name="strict"/>, the ROI is empty or no ROI voxel survives re-segmentation.
    /// </exception>
    public static RoiImage? Prepare(
        Volume image, Volume mask, RadiomicsSettings settings, double marginMm, ICollection<string> warnings,
        long maxVoxels = long.MaxValue, bool strict = false)
    {
        mask = Binary(mask);
        if (!mask.Geometry.SameGrid(image.Geometry))
        {
            warnings.Add($"mask grid ({mask.Geometry.Describe()}) differs from the image grid ({image.Geometry.Describe()}); mask resampled onto the image grid (nearest neighbour)");
            mask = Resampler.Resample(mask, image.Geometry, Interpolation.Nearest);
        }

        if (MaskBox(mask) is not { } box)
        {
            return Empty(strict, warnings, VolumeProblem.MaskOutsideImage, "mask is empty on the image grid");
        }

        var target = settings.Interpolation is { } interpolation
            ? Resampler.AlignedGrid(image.Geometry, interpolation.TargetSpacing(image.Geometry.Spacing))
            : image.Geometry;
        var sub = SubGrid(image.Geometry, target, box, marginMm + (settings.Peritumoral?.OuterMm ?? 0));
        if (sub.Size.Count > maxVoxels)
        {
            throw new RoiException(VolumeProblem.TooLarge, aboutMask: false, string.Create(
                CultureInfo.InvariantCulture,
                $"resampling the ROI to {target.Spacing.X:0.###} × {target.Spacing.Y:0.###} × {target.Spacing.Z:0.###} mm gives a {sub.Size.X}×{sub.Size.Y}×{sub.Size.Z} grid ({sub.Size.Count:N0} voxels), above the limit of {maxVoxels:N0} voxels; use a coarser recipe spacing or raise the limit (--max-roi-voxels)"));
        }

        float[] intensities;
        bool[] morphological;
        if (settings.Interpolation is { } ip)
        {
            intensities = ip.Image switch
            {
                ImageInterpolation.CubicSpline => CubicSplineResampler.Resample(image, sub, float.NaN).Voxels,
                ImageInterpolation.Nearest => Resampler.Resample(image, sub, Interpolation.Nearest, float.NaN).Voxels,
                _ => Resampler.Resample(image, sub, Interpolation.Linear, float.NaN).Voxels,
            };
            if (ip.RoundIntensities)
            {
                for (var i = 0; i < intensities.Length; i++)
                {
                    intensities[i] = MathF.Round(intensities[i], MidpointRounding.AwayFromZero);
                }
            }

            morphological = Resampler.ResampleMask(mask, sub, ip.MaskThreshold).Voxels.Select(v => v > 0.5f).ToArray();
        }
        else
        {
            (intensities, morphological) = CopyBlock(image, mask, sub, target);
        }

        if (settings.Peritumoral is { } region)
        {
            morphological = region.Shell(morphological, sub.Size, sub.Spacing);
        }

        var nonFinite = 0;
        for (var i = 0; i < intensities.Length; i++)
        {
            if (morphological[i] && !float.IsFinite(intensities[i]))
            {
                nonFinite++;
            }
        }

        if (nonFinite > 0)
        {
            warnings.Add($"{nonFinite} ROI voxels have non-finite intensities (NaN or outside the image) and are left out of the intensity mask");
        }

        var intensityMask = Resegmentation.IntensityMask(intensities, morphological, settings.Resegmentation);
        var roi = new RoiImage(sub.Size, sub.Spacing, intensities, morphological, intensityMask);
        if (roi.MorphologicalCount == 0)
        {
            return Empty(strict, warnings, VolumeProblem.EmptyMask, "mask is empty after interpolation");
        }

        if (roi.IntensityCount == 0)
        {
            var problem = OutsideRange(roi, settings.Resegmentation);
            if (strict)
            {
                throw new RoiException(VolumeProblem.EmptyMask, aboutMask: false, problem);
            }

            warnings.Add(problem + "; intensity and texture features are NaN");
        }

        return roi;
    }

    private static RoiImage? Empty(bool strict, ICollection<string> warnings, VolumeProblem kind, string problem)
    {
        if (strict)
        {
            throw new RoiException(kind, aboutMask: true, problem);
        }

        warnings.Add(problem + "; every feature is NaN");
        return null;
    }

    // "no ROI voxel remains after re-segmentation": how many lie inside the range, and where the ROI's intensities are.
    private static string OutsideRange(RoiImage roi, ResegmentationSettings settings)
    {
        double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
        double min = settings.RangeMin ?? double.NegativeInfinity, max = settings.RangeMax ?? double.PositiveInfinity;
        var inside = 0;
        for (var i = 0; i < roi.Intensities.Length; i++)
        {
            var x = roi.Intensities[i];
            if (roi.MorphologicalMask[i] && float.IsFinite(x))
            {
                (lo, hi) = (Math.Min(lo, x), Math.Max(hi, x));
                inside += x >= min && x <= max ? 1 : 0;
            }
        }

        var fraction = roi.MorphologicalCount == 0 ? 0 : (double)inside / roi.MorphologicalCount;
        return string.Create(
            CultureInfo.InvariantCulture,
            $"no ROI voxel remains after re-segmentation to [{min}, {max}]: {inside} of {roi.MorphologicalCount} ROI voxels ({fraction:P1}) lie inside the range, ROI intensities span {lo} to {hi}");
    }

    // The mask as 0/1, so interpolation sees the ROI, not the label value it was saved with.
    private static Volume Binary(Volume mask)
    {
        var voxels = new float[mask.Voxels.Length];
        for (var i = 0; i < voxels.Length; i++)
        {
            voxels[i] = mask.Voxels[i] > 0.5f ? 1f : 0f;
        }

        return mask.WithVoxels(voxels);
    }

    private static (int X0, int Y0, int Z0, int X1, int Y1, int Z1)? MaskBox(Volume mask)
    {
        var size = mask.Size;
        int x0 = int.MaxValue, y0 = int.MaxValue, z0 = int.MaxValue, x1 = -1, y1 = -1, z1 = -1;
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                var row = size.Index(0, y, z);
                for (var x = 0; x < size.X; x++)
                {
                    if (mask.Voxels[row + x] > 0.5f)
                    {
                        (x0, x1) = (Math.Min(x0, x), Math.Max(x1, x));
                        (y0, y1) = (Math.Min(y0, y), Math.Max(y1, y));
                        (z0, z1) = (Math.Min(z0, z), Math.Max(z1, z));
                    }
                }
            }
        }

        return x1 < 0 ? null : (x0, y0, z0, x1, y1, z1);
    }

    private static ImageGeometry SubGrid(ImageGeometry source, ImageGeometry target, (int X0, int Y0, int Z0, int X1, int Y1, int Z1) box, double marginMm)
    {
        Span<double> lo = [double.MaxValue, double.MaxValue, double.MaxValue];
        Span<double> hi = [double.MinValue, double.MinValue, double.MinValue];
        for (var corner = 0; corner < 8; corner++)
        {
            var i = (corner & 1) == 0 ? box.X0 - 0.5 : box.X1 + 0.5;
            var j = (corner & 2) == 0 ? box.Y0 - 0.5 : box.Y1 + 0.5;
            var k = (corner & 4) == 0 ? box.Z0 - 0.5 : box.Z1 + 0.5;
            var t = target.PhysicalToIndex(source.IndexToPhysical(i, j, k));
            for (var a = 0; a < 3; a++)
            {
                lo[a] = Math.Min(lo[a], t[a]);
                hi[a] = Math.Max(hi[a], t[a]);
            }
        }

        Span<int> start = stackalloc int[3];
        Span<int> count = stackalloc int[3];
        for (var a = 0; a < 3; a++)
        {
            var margin = (int)Math.Ceiling(marginMm / target.Spacing[a]) + 1;
            start[a] = Math.Max(0, (int)Math.Floor(lo[a]) - margin);
            var end = Math.Min(target.Size[a] - 1, (int)Math.Ceiling(hi[a]) + margin);
            count[a] = end - start[a] + 1;
        }

        var origin = target.IndexToPhysical(start[0], start[1], start[2]);
        return new ImageGeometry(new GridSize(count[0], count[1], count[2]), target.Spacing, origin, target.Direction);
    }

    private static (float[] Intensities, bool[] Mask) CopyBlock(Volume image, Volume mask, ImageGeometry sub, ImageGeometry full)
    {
        var start = full.PhysicalToIndex(sub.Origin);
        int sx = (int)Math.Round(start.X), sy = (int)Math.Round(start.Y), sz = (int)Math.Round(start.Z);
        var size = sub.Size;
        var intensities = new float[size.Count];
        var morphological = new bool[size.Count];
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    var from = full.Size.Index(sx + x, sy + y, sz + z);
                    var to = size.Index(x, y, z);
                    intensities[to] = image.Voxels[from];
                    morphological[to] = mask.Voxels[from] > 0.5f;
                }
            }
        }

        return (intensities, morphological);
    }
}
