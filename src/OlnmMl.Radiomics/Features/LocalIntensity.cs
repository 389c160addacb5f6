using OlnmMl.Radiomics.Processing;

namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Local intensity features (IBSI 1 §3.2): the mean intensity of every image voxel (inside the ROI or
/// not) whose centre lies within the 1 cm³ sphere of radius r = (3/(4π))^{1/3} cm ≈ 6.2 mm around a
/// ROI voxel centre.
/// </summary>
public static class LocalIntensity
{
    /// <summary>Radius of the 1 cm³ sphere in mm.</summary>
    public static readonly double SphereRadiusMm = Math.Cbrt(3000.0 / (4 * Math.PI));

    /// <summary>The bound feature methods.</summary>
    public static FeatureTable<RoiImage> Table { get; } = new(typeof(LocalIntensity));

    /// <summary>Local intensity peak: the largest sphere mean centred on a voxel of maximum intensity in the ROI.</summary>
    [IbsiFeature("peak_local", "VJGA")]
    public static double LocalPeak(RoiImage roi)
    {
        if (roi.IntensityCount == 0)
        {
            return double.NaN;
        }

        var max = float.NegativeInfinity;
        for (var i = 0; i < roi.Intensities.Length; i++)
        {
            if (roi.IntensityMask[i])
            {
                max = Math.Max(max, roi.Intensities[i]);
            }
        }

        var offsets = SphereOffsets(roi);
        var peak = double.NegativeInfinity;
        for (var i = 0; i < roi.Intensities.Length; i++)
        {
            if (roi.IntensityMask[i] && roi.Intensities[i] == max)
            {
                peak = Math.Max(peak, SphereMean(roi, i, offsets));
            }
        }

        return peak;
    }

    /// <summary>Global intensity peak: the largest sphere mean over all ROI voxel centres.</summary>
    [IbsiFeature("peak_global", "0F91")]
    public static double GlobalPeak(RoiImage roi)
    {
        if (roi.IntensityCount == 0)
        {
            return double.NaN;
        }

        var offsets = SphereOffsets(roi);
        var peak = double.NegativeInfinity;
        for (var i = 0; i < roi.Intensities.Length; i++)
        {
            if (roi.IntensityMask[i])
            {
                peak = Math.Max(peak, SphereMean(roi, i, offsets));
            }
        }

        return peak;
    }

    private static (int Dx, int Dy, int Dz)[] SphereOffsets(RoiImage roi)
    {
        var r = SphereRadiusMm;
        var s = roi.Spacing;
        int nx = (int)(r / s.X), ny = (int)(r / s.Y), nz = (int)(r / s.Z);
        var offsets = new List<(int, int, int)>();
        for (var dz = -nz; dz <= nz; dz++)
        {
            for (var dy = -ny; dy <= ny; dy++)
            {
                for (var dx = -nx; dx <= nx; dx++)
                {
                    double px = dx * s.X, py = dy * s.Y, pz = dz * s.Z;
                    if (px * px + py * py + pz * pz <= r * r)
                    {
                        offsets.Add((dx, dy, dz));
                    }
                }
            }
        }

        return [.. offsets];
    }

    private static double SphereMean(RoiImage roi, int index, (int Dx, int Dy, int Dz)[] offsets)
    {
        var size = roi.Size;
        var x = index % size.X;
        var y = index / size.X % size.Y;
        var z = index / (size.X * size.Y);
        double sum = 0;
        var n = 0;
        foreach (var (dx, dy, dz) in offsets)
        {
            int u = x + dx, v = y + dy, w = z + dz;
            if ((uint)u < (uint)size.X && (uint)v < (uint)size.Y && (uint)w < (uint)size.Z)
            {
                var value = roi.Intensities[size.Index(u, v, w)];
                if (float.IsFinite(value))
                {
                    sum += value;
                    n++;
                }
            }
        }

        return sum / n;
    }
}
