using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Tests.Features;

/// <summary>Hand calculations for the IVH, including the area under the curve that the phantom table lacks.</summary>
public sealed class IntensityVolumeHistogramTests
{
    // Intensities 1, 2, 3, 4 on a unit grid over [1, 4]: ν(1) = 1, ν(2) = ¾, ν(3) = ½, ν(4) = ¼, γ = (i − 1)/3.
    private static IvhSample Uniform() => new([4, 2, 3, 1], 1, 4, 1);

    [Fact]
    public void Area_under_the_curve_is_the_trapezoidal_sum()
    {
        // ((1 + ¾)/2 + (¾ + ½)/2 + (½ + ¼)/2)·⅓ = 0.625.
        Assert.Equal(0.625, IntensityVolumeHistogram.AreaUnderCurve(Uniform()), 12);
    }

    [Fact]
    public void Volume_and_intensity_fractions()
    {
        var s = Uniform();
        Assert.Equal(0.75, IntensityVolumeHistogram.VolumeAtIntensityFraction10(s)); // γ ≥ 0.1 ⇔ i ≥ 1.3: {2, 3, 4}
        Assert.Equal(0.25, IntensityVolumeHistogram.VolumeAtIntensityFraction90(s)); // γ ≥ 0.9 ⇔ i ≥ 3.7: {4}
        Assert.Equal(2, IntensityVolumeHistogram.IntensityAtVolumeFraction90(s)); // ν(2) = ¾ ≤ 0.9 first
        Assert.Equal(5, IntensityVolumeHistogram.IntensityAtVolumeFraction10(s)); // no grid intensity has ν ≤ 0.1: one step past the top
    }

    [Fact]
    public void Empty_sample_is_undefined()
    {
        var s = new IvhSample([], 0, 1, 1);
        Assert.True(double.IsNaN(IntensityVolumeHistogram.AreaUnderCurve(s)));
        Assert.True(double.IsNaN(IntensityVolumeHistogram.VolumeAtIntensityFraction10(s)));
    }
}
