namespace OlnmMl.Radiomics.Settings;

/// <summary>The image a feature set is computed on: the original image or one convolutional or intensity filter of it.</summary>
public enum ImageFilterKind
{
    /// <summary>The (interpolated) image itself.</summary>
    Original,

    /// <summary>Laplacian of Gaussian at each σ (mm), scale-normalised by σ².</summary>
    LaplacianOfGaussian,

    /// <summary>Undecimated separable wavelet (Haar or Coiflet-1), all 8 L/H sub-band combinations.</summary>
    Wavelet,

    /// <summary>x² / max|x| (the PyRadiomics scaling that keeps the range of the original).</summary>
    Square,

    /// <summary>sign(x)·√(|x|·max|x|).</summary>
    SquareRoot,

    /// <summary>sign(x)·max|x|·ln(|x| + 1)/ln(max|x| + 1).</summary>
    Logarithm,

    /// <summary>exp(x·ln(max|x|)/max|x|).</summary>
    Exponential,

    /// <summary>Gradient magnitude |∇x| by central differences in mm.</summary>
    Gradient,
}

/// <summary>One image type of a recipe.</summary>
/// <param name="Kind">The filter.</param>
/// <param name="SigmasMm">σ values in mm for <see cref="ImageFilterKind.LaplacianOfGaussian"/>.</param>
/// <param name="Wavelets">Wavelet names ("haar", "coif1") for <see cref="ImageFilterKind.Wavelet"/>.</param>
public sealed record ImageTypeSettings(ImageFilterKind Kind, IReadOnlyList<double> SigmasMm, IReadOnlyList<string> Wavelets)
{
    /// <summary>The unfiltered image.</summary>
    public static ImageTypeSettings Original { get; } = new(ImageFilterKind.Original, [], []);
}
