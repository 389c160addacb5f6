using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.Mesh;

namespace OlnmMl.Radiomics.Tests.Mesh;

public sealed class OrientedBoundingBoxTests
{
    [Fact]
    public void Box_of_a_rotated_rectangle_cuboid_has_its_edge_lengths()
    {
        // Corners of a 2 × 3 × 5 box rotated by 30° about z: the hull face normals include the box axes.
        var (cos, sin) = (Math.Cos(Math.PI / 6), Math.Sin(Math.PI / 6));
        var corners = Enumerable.Range(0, 8).Select(c =>
        {
            double x = (c & 1) * 2, y = (c >> 1 & 1) * 3, z = (c >> 2 & 1) * 5;
            return (cos * x - sin * y, sin * x + cos * y, z);
        }).ToArray();
        (double, double, double)[] normals = [(cos, sin, 0), (-sin, cos, 0), (0, 0, 1), (0.6, 0.8, 0)];
        var (a, b, c) = OrientedBoundingBox.Fit(corners, normals);
        Assert.Equal(30, a * b * c, 9);
        Assert.Equal([2.0, 3.0, 5.0], new[] { a, b, c }.Select(v => Math.Round(v, 9)).Order());
    }

    [Fact]
    public void Digital_phantom_ombb_densities_match_the_ibsi_manual()
    {
        // IBSI manual, morphology tables (not in reference_values.csv): VD OMBB 0.869 ± 0.005, AD OMBB 0.866 ± 0.005.
        var settings = TestData.LoadPreset("ibsi-digital-phantom") with { Families = ["morph"] };
        var values = new RadiomicsExtractor(settings).Extract(TestData.PhantomImage, TestData.PhantomMask).Features.ToDictionary(f => f.Name, f => f.Value);
        Assert.Equal(0.869, values["original_morph_v_dens_ombb"], 0.005);
        Assert.Equal(0.866, values["original_morph_a_dens_ombb"], 0.005);
    }
}
