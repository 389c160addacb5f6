using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Processing;

/// <summary>Discretisation of ROI intensities into grey levels 1..N_g (IBSI 1 §2.7); 0 outside the intensity mask.</summary>
public static class Discretiser
{
    /// <summary>
    /// Discretises the intensity-mask voxels of <paramref name="roi"/>. Fixed bin number:
    /// ⌊N_g (x − x_min)/(x_max − x_min)⌋ + 1 (x_max → N_g; a constant ROI → 1). Fixed bin size:
    /// ⌊(x − x_lb)/w⌋ + 1 with x_lb from <see cref="BinLowerBound"/>. None: round(x), which must be ≥ 1. The level count is N_g (fixed bin number) or the
    /// highest level present.
    /// </summary>
    /// <exception cref="ArgumentException">Method none with an intensity below 0.5.</exception>
    public static DiscretisedRoi Discretise(RoiImage roi, DiscretisationSettings settings, double? lowerBound)
    {
        var levels = new int[roi.Intensities.Length];
        var (min, max) = Range(roi);
        var levelCount = 0;
        var binLowerBound = BinLowerBound(settings, lowerBound, min);
        for (var i = 0; i < levels.Length; i++)
        {
            if (!roi.IntensityMask[i])
            {
                continue;
            }

            double x = roi.Intensities[i];
            var level = settings.Method switch
            {
                DiscretisationMethod.FixedBinNumber => max > min
                    ? Math.Min(settings.BinCount, (int)Math.Floor(settings.BinCount * (x - min) / (max - min)) + 1)
                    : 1,
                DiscretisationMethod.FixedBinSize => (int)Math.Floor((x - binLowerBound) / settings.BinWidth) + 1,
                _ => (int)Math.Round(x, MidpointRounding.AwayFromZero),
            };
            if (level < 1)
            {
                throw new ArgumentException(
                    $"Discretisation '{settings.Describe()}' gave grey level {level} for intensity {x}: " +
                    "'none' needs integer intensities ≥ 1 and a fixed-bin-size lower bound must not exceed the ROI minimum.",
                    nameof(roi));
            }

            levels[i] = level;
            levelCount = Math.Max(levelCount, level);
        }

        if (settings.Method == DiscretisationMethod.FixedBinNumber && roi.IntensityCount > 0)
        {
            levelCount = settings.BinCount;
        }

        return new DiscretisedRoi(roi.Size, roi.Spacing, levels, levelCount, roi.MorphologicalMask);
    }

    /// <summary>
    /// x_lb of fixed bin size: <paramref name="lowerBound"/> (the re-segmentation lower bound) or else the ROI minimum
    /// <paramref name="min"/> (<see cref="BinOrigin.LowerBound"/>); ⌊x_min/w⌋·w (<see cref="BinOrigin.Zero"/>, PyRadiomics).
    /// </summary>
    public static double BinLowerBound(DiscretisationSettings settings, double? lowerBound, double min) =>
        settings.Origin == BinOrigin.Zero ? Math.Floor(min / settings.BinWidth) * settings.BinWidth : lowerBound ?? min;

    /// <summary>
    /// The intensity a grey level stands for: the level itself (fixed bin number, none) or the bin
    /// centre x_lb + (level − ½)·w (fixed bin size).
    /// </summary>
    public static double Representative(int level, DiscretisationSettings settings, double lowerBound) =>
        settings.Method == DiscretisationMethod.FixedBinSize ? lowerBound + (level - 0.5) * settings.BinWidth : level;

    /// <summary>Minimum and maximum intensity inside the intensity mask (NaN, NaN when it is empty).</summary>
    public static (double Min, double Max) Range(RoiImage roi)
    {
        double min = double.PositiveInfinity, max = double.NegativeInfinity;
        for (var i = 0; i < roi.Intensities.Length; i++)
        {
            if (roi.IntensityMask[i])
            {
                min = Math.Min(min, roi.Intensities[i]);
                max = Math.Max(max, roi.Intensities[i]);
            }
        }

        return roi.IntensityCount == 0 ? (double.NaN, double.NaN) : (min, max);
    }
}
