using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests.Dicom;

/// <summary>A DICOM folder given as an image is fingerprinted by its files, so caches keyed on image content see a changed slice.</summary>
public sealed class DicomFolderFingerprintTests
{
    [Fact]
    public void AFolderFingerprintFollowsItsFilesContent()
    {
        using var temp = new TempDirectory();
        var files = Directory.GetFiles(DicomTestData.Pydicom("CT5N"));
        DicomTestData.CopyInto(temp.Path, files);

        var first = new FileFingerprints().Of(temp.Path);
        var again = new FileFingerprints().Of(temp.Path);
        var bytes = File.ReadAllBytes(temp.File("2062"));
        bytes[^1] ^= 1; // one pixel bit
        File.WriteAllBytes(temp.File("2062"), bytes);
        var changed = new FileFingerprints().Of(temp.Path);

        Assert.Equal(files.Sum(f => new FileInfo(f).Length), first.Size);
        Assert.Equal(first.Sha256, again.Sha256);
        Assert.NotEqual(first.Sha256, changed.Sha256);
        Assert.Equal(64, changed.Sha256.Length);
    }
}
