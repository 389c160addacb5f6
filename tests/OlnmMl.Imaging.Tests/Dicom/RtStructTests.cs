using OlnmMl.Imaging.Dicom;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests.Dicom;

/// <summary>RTSTRUCT contours rasterised onto their series, against the masks the IBSI converted (MIRP) from the same contours.</summary>
public sealed class RtStructTests
{
    [Fact]
    public void PetGtvMatchesTheIbsiMask()
    {
        var ours = RtStructReader.ReadMask(Path.Combine(DicomTestData.Folder, "ibsi_pet", "RS.dcm"), DicomTestData.IbsiPetDicom);
        var ibsi = NiftiReader.Read(Path.Combine(DicomTestData.Folder, "ibsi_pet", "PET_mask.nii.gz"));

        var (world, _, _) = DicomTestData.Compare(ours, ibsi);
        var (both, onlyOurs, onlyIbsi) = Overlap(ours, ibsi);

        Assert.True(world <= 1e-4, $"grids differ by {world:G3} mm");
        Assert.Equal((5095, 0, 0), (both, onlyOurs, onlyIbsi));
        Assert.Equal(ibsi.CountInside(), ours.CountInside());
    }

    [SkippableFact]
    public void CtGtvMatchesTheIbsiMask()
    {
        var root = DicomTestData.IbsiValidation;
        var ours = RtStructReader.ReadMask(Path.Combine(root, "dicom", "STS_001", "CT", "mask", "RS.dcm"), Path.Combine(root, "dicom", "STS_001", "CT", "image"));
        var ibsi = NiftiReader.Read(Path.Combine(root, "nifti", "STS_001", "CT_mask.nii.gz"));

        var (both, onlyOurs, onlyIbsi) = Overlap(ours, ibsi);
        var alone = VolumeIO.Read(Path.Combine(root, "dicom", "STS_001", "CT", "mask", "RS.dcm")); // finds CT/image one folder up

        Assert.Equal((117145, 0, 0), (both, onlyOurs, onlyIbsi));
        Assert.Equal(ours.Voxels, alone.Voxels);
    }

    [Fact]
    public void TheRoiIsChosenByNameOrNumberAndAnUnknownOneListsThem()
    {
        var rtstruct = Path.Combine(DicomTestData.Folder, "ibsi_pet", "RS.dcm");

        var byName = RtStructReader.ReadMask(rtstruct, DicomTestData.IbsiPetDicom, "GTV_Mass_PET");
        var byNumber = RtStructReader.ReadMask(rtstruct, DicomTestData.IbsiPetDicom, "1");
        var error = Assert.Throws<VolumeFormatException>(() => RtStructReader.ReadMask(rtstruct, DicomTestData.IbsiPetDicom, "GTV"));

        Assert.Equal(5095, byName.CountInside());
        Assert.Equal(byName.Voxels, byNumber.Voxels);
        Assert.Equal("holds no ROI 'GTV'; it holds 1 'GTV_Mass_PET'", error.Problem);
    }

    [Fact]
    public void AnRtstructReferencingAnotherSeriesIsRefused()
    {
        var rtstruct = Path.Combine(DicomTestData.Folder, "ibsi_pet", "RS.dcm");

        var error = Assert.Throws<VolumeFormatException>(() => RtStructReader.ReadMask(rtstruct, DicomTestData.Pydicom("CT5N")));

        Assert.Equal(rtstruct, error.Path);
        Assert.Matches(@"^references series [0-9.]+, which .*CT5N does not hold \(it holds 1\.3\.6\.1\.4\.1\.5962\.1\.1\.0\.0\.0\.1194734704\.16302\.0\.6 \(CT, 5 slices, SmartScore - Gated 0\.5 sec\)\)$", error.Problem);
    }

    [Fact]
    public void HandMadePolygonsHaveTheirAreaAndCentroid()
    {
        // rtstruct_hand_ct5n.dcm (make_fixtures.sh): on slice 1 the triangle (1.5, 1.5), (12, 1.5), (1.5, 12) in voxel
        // units, area 10.5²/2 = 55.125 px², centroid (5, 5); the centres inside are i, j ≥ 2 with i + j ≤ 13: 55 voxels
        // whose mean is (5, 5). On slice 3 the square 3.5–9.5 × 4.5–8.5 (6 × 4 = 24 px²) minus the hole 5.5–7.5 ×
        // 5.5–7.5 (4 px²): 20 voxels, centroid (6.5, 6.5).
        var mask = RtStructReader.ReadMask(DicomTestData.Pydicom("rtstruct_hand_ct5n.dcm"), DicomTestData.Pydicom("CT5N"), "hand");

        var slices = Enumerable.Range(0, 5).Select(k => Inside(mask, k)).ToList();

        Assert.Equal([0, 55, 0, 20, 0], slices.Select(s => s.Count));
        Assert.Equal((5.0, 5.0), (slices[1].I, slices[1].J));
        Assert.Equal((6.5, 6.5), (slices[3].I, slices[3].J));
        Assert.True(Math.Abs(slices[1].Count - 55.125) < 1, "the triangle's voxel count is its area within one voxel");
        var centroid = mask.Geometry.IndexToPhysical(5, 5, 1);
        Assert.Equal(-72.199997 + 5 * 0.488281, centroid.X, 5);
        Assert.Equal(-143 + 5 * 0.488281, centroid.Y, 5);
        Assert.Equal(1.2625, centroid.Z, 5);
    }

    private static (int Count, double I, double J) Inside(Volume mask, int k)
    {
        var (count, i, j) = (0, 0.0, 0.0);
        for (var y = 0; y < mask.Size.Y; y++)
        {
            for (var x = 0; x < mask.Size.X; x++)
            {
                if (mask[x, y, k] > 0.5f)
                {
                    (count, i, j) = (count + 1, i + x, j + y);
                }
            }
        }

        return count == 0 ? (0, double.NaN, double.NaN) : (count, i / count, j / count);
    }

    // Voxel counts inside both, inside ours only and inside the reference only, matched by world position.
    private static (int Both, int OnlyOurs, int OnlyReference) Overlap(Volume ours, Volume reference)
    {
        var (both, onlyOurs, onlyReference) = (0, 0, 0);
        for (var k = 0; k < ours.Size.Z; k++)
        {
            for (var j = 0; j < ours.Size.Y; j++)
            {
                for (var i = 0; i < ours.Size.X; i++)
                {
                    var q = reference.Geometry.PhysicalToIndex(ours.Geometry.IndexToPhysical(i, j, k));
                    var (a, b) = (ours[i, j, k] > 0.5f, reference[(int)Math.Round(q.X), (int)Math.Round(q.Y), (int)Math.Round(q.Z)] > 0.5f);
                    both += a && b ? 1 : 0;
                    onlyOurs += a && !b ? 1 : 0;
                    onlyReference += b && !a ? 1 : 0;
                }
            }
        }

        return (both, onlyOurs, onlyReference);
    }
}
