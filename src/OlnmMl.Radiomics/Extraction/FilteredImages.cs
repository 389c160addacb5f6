using System.Globalization;
using OlnmMl.Radiomics.Features;
using OlnmMl.Radiomics.Filters;
using OlnmMl.Radiomics.Processing;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>Expands one image type of a recipe into named images on the ROI grid (one per σ, per wavelet sub-band…).</summary>
public static class FilteredImages
{
    /// <summary>The context (mm) a filter needs around the ROI: 4σ for LoG, 6 mm for wavelets, 2 mm for the gradient.</summary>
    public static double SupportMm(ImageTypeSettings type) => type.Kind switch
    {
        ImageFilterKind.LaplacianOfGaussian => 4 * type.SigmasMm.Max(),
        ImageFilterKind.Wavelet => 6,
        ImageFilterKind.Gradient => 2,
        _ => 0,
    };

    /// <summary>
    /// Where convolution filters are evaluated: the ROI bounding box grown by the local-intensity sphere radius
    /// (the filters read their full support from the crop around it; voxels further out are NaN).
    /// </summary>
    public static VoxelBox Region(RoiImage roi)
    {
        var r = LocalIntensity.SphereRadiusMm;
        var s = roi.Spacing;
        return VoxelBox.Of(roi.MorphologicalMask, roi.Size).Grow((int)Math.Ceiling(r / s.X), (int)Math.Ceiling(r / s.Y), (int)Math.Ceiling(r / s.Z), roi.Size);
    }

    /// <summary>The images of <paramref name="type"/> computed from <paramref name="roi"/>, each with its name prefix.</summary>
    public static IEnumerable<(string Prefix, RoiImage Image)> Expand(ImageTypeSettings type, RoiImage roi)
    {
        var image = roi.Intensities;
        var region = Region(roi);
        switch (type.Kind)
        {
            case ImageFilterKind.Original:
                yield return ("original", roi);
                break;
            case ImageFilterKind.LaplacianOfGaussian:
                foreach (var sigma in type.SigmasMm)
                {
                    var name = "log_sigma_" + sigma.ToString("0.###", CultureInfo.InvariantCulture).Replace('.', '_') + "_mm";
                    yield return (name, roi.WithFilteredIntensities(LaplacianOfGaussian.Apply(image, roi.Size, roi.Spacing, sigma, region)));
                }

                break;
            case ImageFilterKind.Wavelet:
                foreach (var wavelet in type.Wavelets)
                {
                    var bands = Wavelet.Decompose(image, roi.Size, wavelet, region);
                    for (var b = 0; b < bands.Length; b++)
                    {
                        yield return ($"wavelet_{wavelet}_{Wavelet.SubBands[b].ToLowerInvariant()}", roi.WithFilteredIntensities(bands[b]));
                    }
                }

                break;
            case ImageFilterKind.Square:
                yield return ("square", roi.WithFilteredIntensities(IntensityFilters.Square(image, roi.MorphologicalMask)));
                break;
            case ImageFilterKind.SquareRoot:
                yield return ("square_root", roi.WithFilteredIntensities(IntensityFilters.SquareRoot(image, roi.MorphologicalMask)));
                break;
            case ImageFilterKind.Logarithm:
                yield return ("logarithm", roi.WithFilteredIntensities(IntensityFilters.Logarithm(image, roi.MorphologicalMask)));
                break;
            case ImageFilterKind.Exponential:
                yield return ("exponential", roi.WithFilteredIntensities(IntensityFilters.Exponential(image, roi.MorphologicalMask)));
                break;
            case ImageFilterKind.Gradient:
                yield return ("gradient", roi.WithFilteredIntensities(IntensityFilters.GradientMagnitude(image, roi.Size, roi.Spacing)));
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(type), type.Kind, "Unknown image filter.");
        }
    }
}
