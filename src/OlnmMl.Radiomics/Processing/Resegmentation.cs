using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Processing;

/// <summary>Intensity re-segmentation (IBSI 1 §2.5): range first, then the μ ± kσ outlier filter on what remains.</summary>
public static class Resegmentation
{
    /// <summary>
    /// The intensity mask: voxels of <paramref name="morphological"/> with a finite intensity inside
    /// [min, max], then (outlier filter) within μ ± kσ of those voxels (σ the population SD).
    /// </summary>
    public static bool[] IntensityMask(ReadOnlySpan<float> intensities, ReadOnlySpan<bool> morphological, ResegmentationSettings settings)
    {
        var mask = new bool[intensities.Length];
        var min = settings.RangeMin ?? double.NegativeInfinity;
        var max = settings.RangeMax ?? double.PositiveInfinity;
        double sum = 0, sumSquares = 0;
        var count = 0;
        for (var i = 0; i < mask.Length; i++)
        {
            var x = intensities[i];
            if (morphological[i] && float.IsFinite(x) && x >= min && x <= max)
            {
                mask[i] = true;
                sum += x;
                sumSquares += (double)x * x;
                count++;
            }
        }

        if (settings.OutlierSigma is { } k && count > 0)
        {
            var mean = sum / count;
            var sd = Math.Sqrt(Math.Max(0, sumSquares / count - mean * mean));
            for (var i = 0; i < mask.Length; i++)
            {
                if (mask[i] && Math.Abs(intensities[i] - mean) > k * sd)
                {
                    mask[i] = false;
                }
            }
        }

        return mask;
    }
}
