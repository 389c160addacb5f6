using System.Buffers.Binary;
using System.Diagnostics;
using System.IO.Compression;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests;

/// <summary>Files that are not what they claim are refused by the reader with one message naming the file and the problem.</summary>
public sealed class NiftiDoorTests
{
    // A little-endian NIfTI-1 header of a 4×4×4 uint8 volume, data at 352: 348 + 4 + 64 bytes in all.
    private static byte[] Uint8File(int extraBytes = 0)
    {
        var bytes = new byte[352 + 64 + extraBytes];
        var h = bytes.AsSpan();
        BinaryPrimitives.WriteInt32LittleEndian(h, 348);
        BinaryPrimitives.WriteInt16LittleEndian(h[40..], 3);
        for (var i = 0; i < 7; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(h[(42 + 2 * i)..], (short)(i < 3 ? 4 : 1));
        }

        BinaryPrimitives.WriteInt16LittleEndian(h[70..], 2); // uint8
        BinaryPrimitives.WriteInt16LittleEndian(h[72..], 8);
        for (var i = 0; i < 4; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(h[(76 + 4 * i)..], 1f);
        }

        BinaryPrimitives.WriteSingleLittleEndian(h[108..], 352f);
        "n+1\0"u8.CopyTo(h[344..]);
        return bytes;
    }

    private static void WriteGzip(string path, byte[] bytes, long zeroTail = 0)
    {
        using var file = File.Create(path);
        using var gzip = new GZipStream(file, CompressionLevel.Optimal);
        gzip.Write(bytes);
        var zeros = new byte[1 << 20];
        for (long left = zeroTail; left > 0; left -= zeros.Length)
        {
            gzip.Write(zeros, 0, (int)Math.Min(zeros.Length, left));
        }
    }

    [Fact]
    public void A_well_formed_file_reads()
    {
        using var temp = new TempDirectory();
        var path = temp.File("ok.nii.gz");
        WriteGzip(path, Uint8File());
        Assert.Equal(new GridSize(4, 4, 4), NiftiReader.Read(path).Size);
    }

    [Fact]
    public void A_wrong_magic_is_refused()
    {
        using var temp = new TempDirectory();
        var path = temp.File("magic.nii");
        var bytes = Uint8File();
        "xyz\0"u8.CopyTo(bytes.AsSpan(344));
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path));
        Assert.Equal(path, e.Path);
        Assert.Contains("wrong NIfTI-1 magic \"xyz\\x00\"", e.Message);
    }

    [Fact]
    public void A_nifti2_file_is_named_as_such()
    {
        using var temp = new TempDirectory();
        var path = temp.File("two.nii");
        var bytes = new byte[600];
        BinaryPrimitives.WriteInt32LittleEndian(bytes, 540);
        "n+2\0"u8.CopyTo(bytes.AsSpan(4));
        File.WriteAllBytes(path, bytes);
        var e = Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path));
        Assert.Contains("NIfTI-2", e.Problem);
        Assert.DoesNotContain("not a NIfTI-1", e.Problem);
    }

    [Fact]
    public void A_gzip_stream_longer_than_its_header_says_is_refused_while_inflating()
    {
        // 64 voxels of data, then 256 MiB of zeros: compressed ≈ 0.25 MB. The reader must stop after
        // 352 + 64 bytes + 1 probe byte, so memory stays far below the inflated size.
        using var temp = new TempDirectory();
        var path = temp.File("bomb.nii.gz");
        WriteGzip(path, Uint8File(), zeroTail: 256L << 20);
        Assert.True(new FileInfo(path).Length < 4 << 20, $"compressed to {new FileInfo(path).Length} bytes");
        var before = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        var e = Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path));
        Assert.Contains("inflates beyond the 416 bytes its header describes", e.Problem);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated < 16 << 20, $"the reader allocated {allocated} bytes for a 416-byte image");
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void A_truncated_gzip_file_names_the_sizes()
    {
        using var temp = new TempDirectory();
        var path = temp.File("short.nii.gz");
        WriteGzip(path, Uint8File()[..400]);
        var e = Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path));
        Assert.Contains("needs 416 bytes, the file holds 400", e.Problem);
    }
}
