using OlnmMl.Imaging.Dicom;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests.Dicom;

/// <summary>
/// DICOM-SEG masks: <c>seg_ibsi_pet.dcm</c> was written by pydicom (make_fixtures.sh) from the IBSI's PET mask NIfTI,
/// one 1-bit frame per slice holding mask voxels placed by that PET slice's position; reading it back onto the PET
/// series is exact (a round trip through a writer that is not ours).
/// </summary>
public sealed class SegTests
{
    private static string Seg => DicomTestData.Pydicom("seg_ibsi_pet.dcm");

    [Fact]
    public void TheSegmentRoundTripsToTheIbsiMaskExactly()
    {
        var ours = DicomMasks.Read(Seg, DicomTestData.IbsiPetDicom, "GTV_Mass_PET");
        var ibsi = NiftiReader.Read(Path.Combine(DicomTestData.Folder, "ibsi_pet", "PET_mask.nii.gz"));

        Assert.True(ours.Geometry.SameGrid(ibsi.Geometry, 1e-4), $"{ours.Geometry.Describe()} vs {ibsi.Geometry.Describe()}");
        Assert.Equal(ibsi.Voxels, ours.Voxels);
        Assert.Equal(5095, ours.CountInside());
    }

    [Fact]
    public void SegmentsAreChosenByLabelOrNumberAndSeveralNeedAChoice()
    {
        var byNumber = SegReader.ReadMask(Seg, DicomTestData.IbsiPetDicom, "1");
        var empty = SegReader.ReadMask(Seg, DicomTestData.IbsiPetDicom, "empty");
        var none = Assert.Throws<VolumeFormatException>(() => SegReader.ReadMask(Seg, DicomTestData.IbsiPetDicom));
        var unknown = Assert.Throws<VolumeFormatException>(() => SegReader.ReadMask(Seg, DicomTestData.IbsiPetDicom, "GTV"));

        Assert.Equal(5095, byNumber.CountInside());
        Assert.Equal(0, empty.CountInside());
        Assert.Equal("holds 2 segments; choose one by label or number: 1 'GTV_Mass_PET', 2 'empty'", none.Problem);
        Assert.Equal("holds no segment 'GTV'; it holds 1 'GTV_Mass_PET', 2 'empty'", unknown.Problem);
    }

    [Fact]
    public void ASegReferencingAnotherSeriesIsRefused()
    {
        var error = Assert.Throws<VolumeFormatException>(() => DicomMasks.Read(Seg, DicomTestData.Pydicom("CT5N"), "1"));

        Assert.Equal(Seg, error.Path);
        Assert.StartsWith("references series ", error.Problem);
        Assert.EndsWith("(CT, 5 slices, SmartScore - Gated 0.5 sec))", error.Problem);
    }

    [Fact]
    public void ASegBesideItsSeriesIsNotTakenForAnImage()
    {
        using var temp = new TempDirectory();
        DicomTestData.CopyInto(temp.Path, Directory.GetFiles(DicomTestData.IbsiPetDicom).Append(Seg));

        var pet = DicomVolumeReader.Read(temp.Path);
        var mask = DicomMasks.Read(temp.File("seg_ibsi_pet.dcm"), temp.Path, "GTV_Mass_PET");

        Assert.Equal(new Geometry.GridSize(41, 43, 59), pet.Size);
        Assert.Equal(5095, mask.CountInside());
    }

    [Fact]
    public void AMaskPathAloneFindsItsSeriesInTheFoldersAbove()
    {
        // As a manifest's mask column: VolumeIO.Read of the mask file alone. RS.dcm finds the PET series in its own
        // folder (ibsi_pet/dicom). The SEG in pydicom/ finds it one folder up, passing over the compressed and non-image
        // fixtures on the way, and then needs a choice between its two segments, which a path alone cannot make.
        var ibsi = NiftiReader.Read(Path.Combine(DicomTestData.Folder, "ibsi_pet", "PET_mask.nii.gz"));

        var rtstruct = VolumeIO.Read(Path.Combine(DicomTestData.Folder, "ibsi_pet", "RS.dcm"));
        var seg = Assert.Throws<VolumeFormatException>(() => VolumeIO.Read(Seg));

        Assert.Equal(ibsi.Voxels, rtstruct.Voxels);
        Assert.True(rtstruct.Geometry.SameGrid(ibsi.Geometry, 1e-4));
        Assert.Equal("holds 2 segments; choose one by label or number: 1 'GTV_Mass_PET', 2 'empty'", seg.Problem);
    }

    [Fact]
    public void AMaskPathAloneWithoutItsSeriesNearbySaysHowToConvert()
    {
        using var temp = new TempDirectory();
        var folder = Path.Combine(temp.Path, "a", "b", "c");
        Directory.CreateDirectory(folder);
        File.Copy(Seg, Path.Combine(folder, "seg.dcm"));

        var error = Assert.Throws<VolumeFormatException>(() => VolumeIO.Read(Path.Combine(folder, "seg.dcm")));

        Assert.StartsWith("references series ", error.Problem);
        Assert.EndsWith("not found in its folder or the 2 above; convert it with 'olnm convert <series folder> --mask FILE --out mask.nii.gz'", error.Problem);
    }

    [Fact]
    public void AnImageIsNotAMask()
    {
        var error = Assert.Throws<VolumeFormatException>(() => DicomMasks.Read(DicomTestData.Pydicom("CT_small.dcm"), DicomTestData.Pydicom("CT5N")));

        Assert.Equal("is a DICOM CT, not an RTSTRUCT or SEG mask", error.Problem);
    }
}
