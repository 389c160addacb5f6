using OlnmMl.Imaging.Dicom;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests.Dicom;

/// <summary>
/// The DICOM reader against dcm2niix (Debian's v1.0.20220720) on files nobody here wrote: pydicom's samples in explicit
/// and implicit VR little endian and the IBSI validation PET series (implicit VR, a rescale slope per slice). Both
/// are read back through our NIfTI reader and compared voxel by voxel at the same world position, since dcm2niix
/// flips rows and slices into its RAS layout.
/// </summary>
public sealed class DicomDcm2niixTests
{
    [Theory]
    [InlineData("CT_small.dcm", "CT_small", 128 * 128)] // explicit VR LE, signed 16-bit, intercept −1024
    [InlineData("MR_small.dcm", "MR_small", 64 * 64)] // explicit VR LE
    [InlineData("MR_small_implicit.dcm", "MR_small_implicit", 64 * 64)] // implicit VR LE
    [InlineData("CT5N", "CT5N", 16 * 16 * 5)] // a folder: 5 slices 2.5 mm apart, explicit VR LE
    public void VoxelsAndWorldGeometryEqualDcm2niix(string input, string reference, long voxels)
    {
        var ours = DicomVolumeReader.Read(DicomTestData.Pydicom(input));
        var theirs = NiftiReader.Read(DicomTestData.Dcm2niix(reference));

        var (world, value, matched) = DicomTestData.Compare(ours, theirs);

        Assert.Equal(voxels, matched);
        Assert.True(world <= 1e-4, $"world positions differ by {world:G3} mm");
        Assert.Equal(0.0, value);
    }

    [Fact]
    public void TheFolderSliceSpacingIsDcm2niixs()
    {
        var ours = DicomVolumeReader.Read(DicomTestData.Pydicom("CT5N"));
        var theirs = NiftiReader.Read(DicomTestData.Dcm2niix("CT5N"));

        Assert.Equal(2.5, ours.Geometry.Spacing.Z, 4);
        Assert.Equal(theirs.Geometry.Spacing.Z, ours.Geometry.Spacing.Z, 4);
    }

    [Fact]
    public void ImplicitAndExplicitVrReadTheSameImage()
    {
        var implicitVr = DicomVolumeReader.Read(DicomTestData.Pydicom("MR_small_implicit.dcm"));
        var explicitVr = DicomVolumeReader.Read(DicomTestData.Pydicom("MR_small.dcm"));

        Assert.Equal(explicitVr.Geometry, implicitVr.Geometry);
        Assert.Equal(explicitVr.Voxels, implicitVr.Voxels);
    }

    [Fact]
    public void AHeaderLongerThanTheFirstReadIsParsedWhole()
    {
        // CT_small with a 70,000-byte private OB element (0019,1000) before its Pixel Data: the header passes the 64 KiB
        // read first, so the file is parsed again whole; the image is unchanged.
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(DicomTestData.Pydicom("CT_small.dcm"));
        byte[] pixelDataHeader = [0xE0, 0x7F, 0x10, 0x00, (byte)'O', (byte)'W'];
        var pixels = bytes.AsSpan().IndexOf(pixelDataHeader);
        byte[] padding = [0x19, 0x00, 0x00, 0x10, (byte)'O', (byte)'B', 0, 0, 0x70, 0x11, 0x01, 0x00, .. new byte[70_000]];
        File.WriteAllBytes(temp.File("long.dcm"), [.. bytes[..pixels], .. padding, .. bytes[pixels..]]);

        var padded = DicomVolumeReader.Read(temp.File("long.dcm"));
        var original = DicomVolumeReader.Read(DicomTestData.Pydicom("CT_small.dcm"));

        Assert.True(pixels > 0);
        Assert.Equal(original.Geometry, padded.Geometry);
        Assert.Equal(original.Voxels, padded.Voxels);
    }

    [Fact]
    public void IbsiPetSeriesEqualsDcm2niix()
    {
        // dcm2niix applies each slice's own rescale slope in its float conversion; so do we (v·slope in single precision).
        // Its sform steps 3.26996 mm between slices where its own pixdim, the IBSI NIfTI and the positions (−881.3 to
        // −691.64 over 58 steps) say 3.27: float32 rounding near z = −881 that reaches 0.0024 mm at the last slice.
        var ours = DicomVolumeReader.Read(DicomTestData.IbsiPetDicom);
        var theirs = NiftiReader.Read(DicomTestData.Dcm2niix("ibsi_pet"));

        var (world, value, matched) = DicomTestData.Compare(ours, theirs);

        Assert.Equal(41L * 43 * 59, matched);
        Assert.True(world <= 2.5e-3, $"world positions differ by {world:G3} mm");
        Assert.Equal(0.0, value);
    }
}
