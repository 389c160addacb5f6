namespace OlnmMl.Radiomics.Settings;

/// <summary>Image interpolation kernels of the IBSI configurations.</summary>
public enum ImageInterpolation
{
    /// <summary>Nearest neighbour.</summary>
    Nearest,

    /// <summary>Trilinear (bilinear in-plane).</summary>
    Linear,

    /// <summary>Tricubic B-spline with the interpolating prefilter (IBSI configuration E).</summary>
    CubicSpline,
}
