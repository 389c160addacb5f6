using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests;

public sealed class NrrdTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private static byte[] Int16Data(int count, bool bigEndian)
    {
        var data = new byte[2 * count];
        for (var i = 0; i < count; i++)
        {
            var value = (short)(i * 10 - 50);
            if (bigEndian)
            {
                BinaryPrimitives.WriteInt16BigEndian(data.AsSpan(2 * i), value);
            }
            else
            {
                BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2 * i), value);
            }
        }

        return data;
    }

    [Theory]
    [InlineData("raw", false)]
    [InlineData("gzip", false)]
    [InlineData("raw", true)]
    public void ReadsHandWrittenFile(string encoding, bool bigEndian)
    {
        var header =
            "NRRD0004\n# written by hand in the test\ntype: short\ndimension: 3\nspace: left-posterior-superior\n" +
            "sizes: 3 2 2\nspace directions: (0.5,0,0) (0,0.75,0) (0,0,2.5)\nspace origin: (-10,20.5,30)\n" +
            $"endian: {(bigEndian ? "big" : "little")}\nencoding: {encoding}\n\n";
        var data = Int16Data(12, bigEndian);
        if (encoding == "gzip")
        {
            using var buffer = new MemoryStream();
            using (var gzip = new GZipStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            {
                gzip.Write(data);
            }

            data = buffer.ToArray();
        }

        var path = _temp.File("hand.nrrd");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(header), .. data]);

        var volume = NrrdReader.Read(path);

        Assert.Equal(new GridSize(3, 2, 2), volume.Size);
        Assert.Equal(Enumerable.Range(0, 12).Select(i => (float)(i * 10 - 50)), volume.Voxels);
        Assert.Equal(new Vec3(0.5, 0.75, 2.5), volume.Geometry.Spacing);
        Assert.Equal(new Vec3(-10, 20.5, 30), volume.Geometry.Origin);
        Assert.Equal(Direction3.Identity, volume.Geometry.Direction);
    }

    [Fact]
    public void RasSpaceIsConvertedToLps()
    {
        var header = "NRRD0004\ntype: uchar\ndimension: 3\nspace: right-anterior-superior\nsizes: 1 1 1\n" +
                     "space directions: (1,0,0) (0,1,0) (0,0,1)\nspace origin: (5,6,7)\nencoding: raw\n\n";
        var path = _temp.File("ras.nrrd");
        File.WriteAllBytes(path, [.. Encoding.ASCII.GetBytes(header), 9]);

        var volume = NrrdReader.Read(path);

        Assert.Equal(new Vec3(-5, -6, 7), volume.Geometry.Origin);
        Assert.Equal(-1, volume.Geometry.Direction[0, 0]);
        Assert.Equal(9f, volume.Voxels[0]);
    }

    [Fact]
    public void MissingFieldIsNamed()
    {
        var path = _temp.File("bad.nrrd");
        File.WriteAllText(path, "NRRD0004\ndimension: 3\nsizes: 1 1 1\n\n\0");

        var error = Assert.Throws<VolumeFormatException>(() => VolumeIO.Read(path));

        Assert.Contains("'type'", error.Problem);
    }
}
