using OlnmMl.Radiomics.Texture;

namespace OlnmMl.Radiomics.Tests.Texture;

/// <summary>
/// Settings and cases the IBSI phantom table does not cover (GLCM distance, Manhattan zones, NGLDM
/// coarseness, merging with N<sub>v</sub> summed), checked against hand calculations in the comments.
/// </summary>
public sealed class HandCalculatedTextureTests
{
    private const double Tolerance = 1e-9;

    /// <summary>The 4×4 example image of the IBSI manual's GLSZM/GLDZM sections (rows are y).</summary>
    private static readonly DiscretisedRoi IbsiExample = TestRois.Slice(
        4,
        [1, 2, 2, 3],
        [1, 2, 3, 3],
        [4, 2, 4, 1],
        [4, 1, 2, 3]);

    [Fact]
    public void Glcm_distance_scales_the_direction_vectors()
    {
        // Row 1 2 1 2 along x. δ = 1: only direction (1,0) has pairs: (1,2), (2,1), (1,2), counted
        // both ways → M12 = M21 = 3 → p12 = p21 = 0.5: contrast = (1−2)² = 1, energy = 0.5, joint avg = 1.5.
        // δ = 2: pairs (x0,x2) = (1,1) and (x1,x3) = (2,2) → M11 = M22 = 2 → p11 = p22 = 0.5:
        // contrast = 0, energy = 0.5, joint entropy = −2·0.5·log2 0.5 = 1. Other directions have no
        // pairs, so every aggregation sees this one matrix.
        var roi = TestRois.Row(2, 1, 2, 1, 2);
        var near = Glcm.Compute(roi);
        var far = Glcm.Compute(roi, new GlcmSettings { Distance = 2 });
        foreach (var aggregation in new[] { "BTW3", "SUJT", "JJUI", "ZW7Z", "ITBB", "IAZD" })
        {
            Assert.Equal(1, near.Value("ACUI", aggregation), Tolerance);
            Assert.Equal(0.5, near.Value("8ZQL", aggregation), Tolerance);
            Assert.Equal(1.5, near.Value("60VM", aggregation), Tolerance);
            Assert.Equal(0, far.Value("ACUI", aggregation), Tolerance);
            Assert.Equal(1, far.Value("TU9B", aggregation), Tolerance);
        }
    }

    [Fact]
    public void Glrlm_merging_sums_runs_and_voxel_counts()
    {
        // Row 1 1 2 (3 voxels). Direction (1,0): runs (1, length 2) and (2, length 1) → SRE =
        // (1/4 + 1)/2 = 0.625; each other direction: 3 runs of length 1 → SRE = 1.
        // BTW3 = (0.625 + 3·1)/4 = 0.90625. ZW7Z: runs of length 1: 1 + 3·3 = 10, length 2: 1 →
        // N_s = 11, SRE = (10 + 1/4)/11, run percentage = 11/(4 directions · 3 voxels).
        // ITBB = (0.625 + 12·1)/13. IAZD: N_s = 2 + 12·3 = 38, SRE = (37 + 1/4)/38, RP = 38/(13·3).
        var features = Glrlm.Compute(TestRois.Row(2, 1, 1, 2));
        Assert.Equal(0.90625, features.Value("22OV", "BTW3"), Tolerance);
        Assert.Equal(0.90625, features.Value("22OV", "JJUI"), Tolerance);
        Assert.Equal(10.25 / 11, features.Value("22OV", "ZW7Z"), Tolerance);
        Assert.Equal(10.25 / 11, features.Value("22OV", "SUJT"), Tolerance);
        Assert.Equal(11.0 / 12, features.Value("9ZK5", "ZW7Z"), Tolerance);
        Assert.Equal(12.625 / 13, features.Value("22OV", "ITBB"), Tolerance);
        Assert.Equal(37.25 / 38, features.Value("22OV", "IAZD"), Tolerance);
        Assert.Equal(38.0 / 39, features.Value("9ZK5", "IAZD"), Tolerance);
    }

    [Fact]
    public void Glszm_of_the_IBSI_example_with_both_connectivities()
    {
        // 8-connected (IBSI's example matrix): level 1 sizes {2,1,1}, level 2 {5}, level 3 {3,1},
        // level 4 {2,1} → N_s = 8, s_.1 = 4, s_.2 = 2, s_.3 = 1, s_.5 = 1:
        // SZE = (4 + 2/4 + 1/9 + 1/25)/8; zone % = 8/16; GLNU = (3² + 1² + 2² + 2²)/8 = 18/8.
        var chebyshev = Glszm.Compute(IbsiExample);
        Assert.Equal((4 + 0.5 + (1.0 / 9) + (1.0 / 25)) / 8, chebyshev.Value("5QRC", "8QNN"), Tolerance);
        Assert.Equal(8.0 / 16, chebyshev.Value("P30P", "8QNN"), Tolerance);
        Assert.Equal(18.0 / 8, chebyshev.Value("JNSA", "8QNN"), Tolerance);

        // 4-connected: level 1 {2,1,1}, level 2 {4,1}, level 3 {3,1}, level 4 {2,1} → N_s = 9,
        // s_.1 = 5, s_.2 = 2, s_.3 = 1, s_.4 = 1: SZE = (5 + 2/4 + 1/9 + 1/16)/9.
        var manhattan = Glszm.Compute(IbsiExample, new GlszmSettings { Connectivity = ZoneConnectivity.Manhattan });
        Assert.Equal((5 + 0.5 + (1.0 / 9) + (1.0 / 16)) / 9, manhattan.Value("5QRC", "8QNN"), Tolerance);
        Assert.Equal(9.0 / 16, manhattan.Value("P30P", "KOBO"), Tolerance);
    }

    [Fact]
    public void Gldzm_of_the_IBSI_example_measures_distance_in_plane_for_2D_and_in_volume_for_3D()
    {
        // 2D distance map: 1 on the border of the 4×4 square, 2 for the 4 inner pixels. With
        // 4-connected zones this is the manual's GLDZM: d_1. = 3, d_2. = 2, d_3. = 2,
        // d_4. = (1 at distance 1, 1 at distance 2) → N_s = 9, d_.1 = 8, d_.2 = 1:
        // SDE = (8 + 1/4)/9, LDE = (8 + 4)/9.
        var manhattan = Gldzm.Compute(IbsiExample, new GldzmSettings { Connectivity = ZoneConnectivity.Manhattan });
        Assert.Equal(8.25 / 9, manhattan.Value("0GBI", "8QNN"), Tolerance);
        Assert.Equal(12.0 / 9, manhattan.Value("MB4I", "8QNN"), Tolerance);

        // 8-connected zones: 8 zones, only the lone inner 4 at distance 2 → SDE = (7 + 1/4)/8.
        var chebyshev = Gldzm.Compute(IbsiExample);
        Assert.Equal(7.25 / 8, chebyshev.Value("0GBI", "62GR"), Tolerance);

        // 3D: a single slice has no voxel above or below, so every voxel lies on the edge: SDE = 1.
        Assert.Equal(1, chebyshev.Value("0GBI", "KOBO"), Tolerance);
    }

    [Fact]
    public void Ngtdm_of_a_three_voxel_row()
    {
        // Row 1 2 3: voxel 1 sees {2} → |1 − 2| = 1; voxel 2 sees {1, 3} → |2 − 2| = 0; voxel 3 sees {2} → 1.
        // n = (1,1,1), N_vc = 3, p = 1/3 each, s = (1, 0, 1), Σ p s = 2/3.
        // Coarseness = 1/(2/3) = 1.5. Contrast = [Σ p p (i1−i2)² = (1/9)·2·(1+4+1) = 4/3, / (3·2)]
        // · [Σ s / N_vc = 2/3] = (2/9)(2/3) = 4/27. Busyness = (2/3) / [Σ |i1 p − i2 p| = (1/3)·2·(1+2+1) = 8/3] = 1/4.
        // Complexity = (1/3) Σ |i1−i2| (p s + p s)/(p + p) = (1/3)·2·(0.5 + 2 + 0.5) = 2.
        // Strength = Σ (p + p)(i1−i2)² / Σ s = (2/3)·12 / 2 = 4.
        var features = Ngtdm.Compute(TestRois.Row(3, 1, 2, 3));
        foreach (var aggregation in new[] { "8QNN", "62GR", "KOBO" })
        {
            Assert.Equal(1.5, features.Value("QCDE", aggregation), Tolerance);
            Assert.Equal(4.0 / 27, features.Value("65HE", aggregation), Tolerance);
            Assert.Equal(0.25, features.Value("NQ30", aggregation), Tolerance);
            Assert.Equal(2, features.Value("HDEZ", aggregation), Tolerance);
            Assert.Equal(4, features.Value("1X9X", aggregation), Tolerance);
        }
    }

    [Fact]
    public void Ngldm_coarseness_admits_neighbours_within_alpha()
    {
        // Row 1 2 3. α = 0: no neighbour shares a grey level → every dependence j = 1 → LDE = HDE = 1.
        // α = 1: j = 1 + 1 = 2 for the end voxels, 1 + 2 = 3 for the middle one →
        // LDE = (1/4 + 1/9 + 1/4)/3, HDE = (4 + 9 + 4)/3, dependence count percentage = 3/3.
        var roi = TestRois.Row(3, 1, 2, 3);
        var strict = Ngldm.Compute(roi);
        Assert.Equal(1, strict.Value("SODN", "KOBO"), Tolerance);
        Assert.Equal(1, strict.Value("IMOQ", "KOBO"), Tolerance);
        var loose = Ngldm.Compute(roi, new NgldmSettings { Coarseness = 1 });
        Assert.Equal(((2 * 0.25) + (1.0 / 9)) / 3, loose.Value("SODN", "8QNN"), Tolerance);
        Assert.Equal(17.0 / 3, loose.Value("IMOQ", "KOBO"), Tolerance);
        Assert.Equal(1, loose.Value("6XV8", "62GR"), Tolerance);
    }
}
