using System.IO.Compression;
using System.Text;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests;

/// <summary>A gzip NRRD whose data inflates beyond its header's sizes is refused before the excess is inflated.</summary>
public sealed class NrrdDoorTests
{
    [Fact]
    public void Gzip_data_longer_than_the_header_says_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("bomb.nrrd");
        using var buffer = new MemoryStream();
        using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
        {
            gzip.Write(new byte[8 + (64 << 20)]); // 2×2×2 uchar = 8 bytes, then 64 MiB more
        }

        const string Header = "NRRD0004\ntype: uchar\ndimension: 3\nsizes: 2 2 2\nspace directions: (1,0,0) (0,1,0) (0,0,1)\nencoding: gzip\n\n";
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(Header), .. buffer.ToArray()]);
        var before = GC.GetAllocatedBytesForCurrentThread();
        var e = Assert.Throws<VolumeFormatException>(() => NrrdReader.Read(path));
        Assert.Contains("inflates beyond the 8 bytes its header describes", e.Problem);
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 16 << 20);
    }
}
