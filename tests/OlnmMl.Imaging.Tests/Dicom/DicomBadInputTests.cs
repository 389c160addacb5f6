using OlnmMl.Imaging.Dicom;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests.Dicom;

/// <summary>DICOM input a user gets wrong ends in one line naming the file and the problem; folders with several series are listed and chosen by UID.</summary>
public sealed class DicomBadInputTests
{
    private const string Ct5nUid = "1.3.6.1.4.1.5962.1.1.0.0.0.1194734704.16302.0.6";
    private const string MrUid = "1.3.6.1.4.1.5962.1.3.4.1.20040826185059.5457";

    [Fact]
    public void AMissingSliceNamesTheGapAndTheFile()
    {
        using var temp = new TempDirectory();
        var files = Directory.GetFiles(DicomTestData.Pydicom("CT5N")).Order(StringComparer.Ordinal).ToList();
        DicomTestData.CopyInto(temp.Path, files.Where(f => Path.GetFileName(f) != "2693")); // z = 3.7625, between 3023 (1.2625) and 2392 (6.2625)

        var error = Assert.Throws<VolumeFormatException>(() => DicomVolumeReader.Read(temp.Path));

        Assert.Equal("non-uniform slice spacing: 5 mm from 3023 to this slice, 2.5 mm between most slices of the series (a missing slice or a variable spacing)", error.Problem);
        Assert.Equal("2392", Path.GetFileName(error.Path));
        Assert.DoesNotContain('\n', error.Message);
    }

    [Fact]
    public void ASeriesWithSlicesFarApartIsRefused()
    {
        // pydicom's CT2: slices at z = −99.48, 103.02, 104.27, 105.52 (a series of four picked from 180).
        var error = Assert.Throws<VolumeFormatException>(() => DicomVolumeReader.Read(DicomTestData.Pydicom("CT2")));

        Assert.StartsWith("non-uniform slice spacing: 202.5 mm from 17106 to this slice, 1.25 mm between most slices", error.Problem);
    }

    [Fact]
    public void MixedSeriesAreListedAndChosenByUid()
    {
        using var temp = new TempDirectory();
        DicomTestData.CopyInto(temp.Path, Directory.GetFiles(DicomTestData.Pydicom("CT5N")).Append(DicomTestData.Pydicom("MR_small.dcm")));

        var error = Assert.Throws<VolumeFormatException>(() => VolumeIO.Read(temp.Path));
        var series = DicomVolumeReader.ListSeries(temp.Path);
        var ct = DicomVolumeReader.Read(temp.Path, Ct5nUid);
        var mr = DicomVolumeReader.Read(temp.Path, MrUid);

        Assert.Equal(
            $"holds 2 image series; choose one by SeriesInstanceUID (olnm convert --series UID): {Ct5nUid} (CT, 5 slices, SmartScore - Gated 0.5 sec); {MrUid} (MR, 1 slice)",
            error.Problem);
        Assert.Equal([(Ct5nUid, "CT", 5), (MrUid, "MR", 1)], series.Select(s => (s.SeriesInstanceUid, s.Modality, s.SliceCount)));
        Assert.Equal(new Geometry.GridSize(16, 16, 5), ct.Size);
        Assert.Equal(new Geometry.GridSize(64, 64, 1), mr.Size);
    }

    [Fact]
    public void AnUnknownSeriesUidListsTheSeriesThere()
    {
        var error = Assert.Throws<VolumeFormatException>(() => DicomVolumeReader.Read(DicomTestData.Pydicom("CT5N"), "1.2.3"));

        Assert.Equal($"holds no series 1.2.3; it holds {Ct5nUid} (CT, 5 slices, SmartScore - Gated 0.5 sec)", error.Problem);
    }

    [Fact]
    public void ACompressedTransferSyntaxIsNamedWithHowToConvert()
    {
        var file = DicomTestData.Pydicom("MR_small_RLE.dcm");

        var error = Assert.Throws<VolumeFormatException>(() => VolumeIO.Read(file));

        Assert.Equal(file, error.Path);
        Assert.StartsWith("transfer syntax 1.2.840.10008.1.2.5 (RLE Lossless) is not read; only uncompressed implicit or explicit VR little endian is.", error.Problem);
        Assert.Contains("gdcmconv --raw", error.Problem);
        Assert.Contains("dcmdrle", error.Problem);
    }

    [Fact]
    public void ACompressedFileInAFolderIsNamed()
    {
        using var temp = new TempDirectory();
        DicomTestData.CopyInto(temp.Path, Directory.GetFiles(DicomTestData.Pydicom("CT5N")).Append(DicomTestData.Pydicom("MR_small_RLE.dcm")));

        var error = Assert.Throws<VolumeFormatException>(() => VolumeIO.Read(temp.Path));

        Assert.Equal(temp.File("MR_small_RLE.dcm"), error.Path);
        Assert.StartsWith("transfer syntax 1.2.840.10008.1.2.5 (RLE Lossless) is not read", error.Problem);
    }

    [Fact]
    public void GantryTiltIsRefusedWithItsAngle()
    {
        // Slice 2062 (z = 8.7625, 10 mm above the first) moved 1 mm in y: positions leave the slice normal.
        using var temp = new TempDirectory();
        foreach (var file in Directory.GetFiles(DicomTestData.Pydicom("CT5N")))
        {
            var bytes = File.ReadAllBytes(file);
            File.WriteAllBytes(temp.File(Path.GetFileName(file)), Path.GetFileName(file) == "2062" ? DicomTestData.Patch(bytes, "-143.000000", "-142.000000") : bytes);
        }

        var error = Assert.Throws<VolumeFormatException>(() => DicomVolumeReader.Read(temp.Path));

        Assert.Equal("2062", Path.GetFileName(error.Path));
        Assert.StartsWith("gantry tilt: the slice lies 1 mm off the normal of 3353 over 10 mm (5.71°)", error.Problem);
    }

    [Fact]
    public void ATruncatedFileNamesWhereItEnds()
    {
        using var temp = new TempDirectory();
        var bytes = File.ReadAllBytes(DicomTestData.Pydicom("CT_small.dcm"));
        File.WriteAllBytes(temp.File("cut.dcm"), bytes[..1000]);

        var error = Assert.Throws<VolumeFormatException>(() => DicomVolumeReader.Read(temp.File("cut.dcm")));

        Assert.StartsWith("truncated DICOM: the value of", error.Problem);
        Assert.EndsWith("the file has 1000", error.Problem);
    }

    [Fact]
    public void AFolderWithoutImagesSaysSo()
    {
        using var temp = new TempDirectory();
        File.WriteAllText(temp.File("notes.txt"), "not DICOM");

        var error = Assert.Throws<VolumeFormatException>(() => VolumeIO.Read(temp.Path));

        Assert.StartsWith("holds no DICOM image (1 file(s) looked at", error.Problem);
    }
}
