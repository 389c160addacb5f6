using OlnmMl.Radiomics.Features;
using OlnmMl.Radiomics.Processing;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>
/// Builds the intensity-volume histogram input. None: raw intensities on a unit grid, X_min/X_max the
/// re-segmentation range (else the ROI extremes). Fixed bin size: bin centres x_lb + (i − ½)w on a grid of
/// step w, x_lb from <see cref="Discretiser.BinLowerBound"/>. Fixed bin number: the levels 1..N_g.
/// </summary>
public static class IvhSampleBuilder
{
    /// <summary>The IVH sample of <paramref name="roi"/>.</summary>
    public static IvhSample Build(RoiImage roi, DiscretisationSettings discretisation, ResegmentationSettings resegmentation)
    {
        var (min, max) = Discretiser.Range(roi);
        switch (discretisation.Method)
        {
            case DiscretisationMethod.FixedBinNumber:
            {
                var levels = Discretiser.Discretise(roi, discretisation, null);
                return new IvhSample(levels.GreyLevels.Where(l => l > 0).Select(l => (double)l).ToArray(), 1, discretisation.BinCount, 1);
            }

            case DiscretisationMethod.FixedBinSize:
            {
                var lowerBound = Discretiser.BinLowerBound(discretisation, resegmentation.RangeMin, min);
                var levels = Discretiser.Discretise(roi, discretisation, lowerBound);
                var values = levels.GreyLevels.Where(l => l > 0).Select(l => Discretiser.Representative(l, discretisation, lowerBound)).ToArray();
                var top = resegmentation.RangeMax ?? max;
                var topLevel = (int)Math.Floor((top - lowerBound) / discretisation.BinWidth) + 1;
                return new IvhSample(values, Discretiser.Representative(1, discretisation, lowerBound),
                    Discretiser.Representative(topLevel, discretisation, lowerBound), discretisation.BinWidth);
            }

            default:
                return new IvhSample(roi.MaskedIntensities(), resegmentation.RangeMin ?? min, resegmentation.RangeMax ?? max, 1);
        }
    }
}
