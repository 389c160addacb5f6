using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Features;
using OlnmMl.Radiomics.Processing;

namespace OlnmMl.Radiomics.Tests.Features;

/// <summary>Moran's I and Geary's C against hand calculations over all voxel pairs.</summary>
public sealed class SpatialAutocorrelationTests
{
    [Fact]
    public void Three_collinear_voxels_match_the_pair_sums()
    {
        // Intensities 1, 2, 4 at x = 0, 1, 2 (1 mm), with an empty voxel on either side. μ = 7/3,
        // d = (−4/3, −1/3, 5/3), Σd² = 14/3. Ordered pairs: w = 1, 1, ½ twice each, Σw = 5.
        // Σ w d_k d_l = 2(4/9 − 5/9 − 10/9) = −22/9  ⇒  I = 3/5 · (−22/9)/(14/3) = −11/35.
        // Σ w (X_k − X_l)² = 2(1 + 4 + 9/2) = 19  ⇒  C = 2/(2·5) · 19/(14/3) = 57/70.
        bool[] mask = [false, true, true, true, false];
        var roi = new RoiImage(new GridSize(5, 1, 1), new Vec3(1, 1, 1), [0, 1, 2, 4, 0], mask, mask);
        var sample = new MorphologySample(roi);
        Assert.Equal(-11.0 / 35, Morphology.MoransI(sample), 12);
        Assert.Equal(57.0 / 70, Morphology.GearysC(sample), 12);
    }

    [Fact]
    public void Anisotropic_spacing_weights_pairs_by_physical_distance()
    {
        // Two voxels with 1 and 3 stacked along z at 3 mm, and a third (value 2) 2 mm away in x from the first.
        // μ = 2, d = (−1, 1, 0): only the z pair has a non-zero Moran term, w = 1/3.
        // Ordered: Σw = 2(1/3 + 1/2 + 1/√13), Σ w d d = 2·(1/3)·(−1), Σd² = 2 ⇒ I = 3/Σw · (−2/3)/2.
        // Σ w (X_k − X_l)² = 2(4/3 + 1/2 + 1/√13) ⇒ C = 2/(2Σw) · that / 2.
        bool[] mask = [true, true, false, false, true, false, false, false];
        var roi = new RoiImage(new GridSize(2, 2, 2), new Vec3(2, 5, 3), [1, 2, 0, 0, 3, 0, 0, 0], mask, mask);
        var sample = new MorphologySample(roi);
        var weightSum = 2 * (1.0 / 3 + 0.5 + 1 / Math.Sqrt(13));
        Assert.Equal(3 / weightSum * (-2.0 / 3) / 2, Morphology.MoransI(sample), 12);
        Assert.Equal(2 / (2 * weightSum) * (2 * (4.0 / 3 + 0.5 + 1 / Math.Sqrt(13))) / 2, Morphology.GearysC(sample), 12);
    }
}
