using System.Buffers.Binary;
using System.IO.Compression;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Tests;

public sealed class NiftiTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>An oblique, left-handed-in-RAS geometry: rotation of 30° about z, spacing (0.7, 0.8, 2.5).</summary>
    private static ImageGeometry ObliqueGeometry()
    {
        var c = Math.Cos(Math.PI / 6);
        var s = Math.Sin(Math.PI / 6);
        return new ImageGeometry(new GridSize(5, 4, 3), new Vec3(0.7, 0.8, 2.5), new Vec3(-12.5, 30.25, -100), new Direction3([c, -s, 0, s, c, 0, 0, 0, 1]));
    }

    private static Volume RandomVolume(ImageGeometry geometry, int seed, float low, float high, bool integer)
    {
        var random = new Random(seed);
        var voxels = new float[geometry.Size.Count];
        for (var i = 0; i < voxels.Length; i++)
        {
            var v = low + (float)random.NextDouble() * (high - low);
            voxels[i] = integer ? MathF.Round(v) : v;
        }

        return new Volume(geometry, voxels);
    }

    [Theory]
    [InlineData(VoxelType.Float32, "a.nii", -2000f, 3000f, false)]
    [InlineData(VoxelType.Float64, "b.nii.gz", -1f, 1f, false)]
    [InlineData(VoxelType.Int16, "c.nii.gz", -1024f, 3071f, true)]
    [InlineData(VoxelType.UInt8, "d.nii", 0f, 255f, true)]
    public void RoundTripKeepsVoxelsAndGeometry(VoxelType type, string name, float low, float high, bool integer)
    {
        var volume = RandomVolume(ObliqueGeometry(), 7, low, high, integer);
        var path = _temp.File(name);

        NiftiWriter.Write(volume, path, type);
        var read = NiftiReader.Read(path);

        Assert.Equal(volume.Voxels, read.Voxels);
        Assert.True(read.Geometry.SameGrid(volume.Geometry, 1e-5), read.Geometry.Describe());
    }

    [Fact]
    public void FlippedAxisRoundTripsThroughNegativeQfac()
    {
        // Direction with det = −1 in LPS (z flipped): the qform needs qfac = −1.
        var geometry = new ImageGeometry(new GridSize(2, 2, 2), new Vec3(1, 1, 1), new Vec3(1, 2, 3), new Direction3([1, 0, 0, 0, 1, 0, 0, 0, -1]));
        var path = _temp.File("flip.nii");
        NiftiWriter.Write(Volume.Zeros(geometry), path);

        var bytes = File.ReadAllBytes(path);
        Assert.Equal(-1f, BinaryPrimitives.ReadSingleLittleEndian(bytes.AsSpan(76)));
        ClearSform(path); // force the reader onto the qform
        Assert.True(NiftiReader.Read(path).Geometry.SameGrid(geometry, 1e-6));
    }

    [Fact]
    public void AppliesSlopeInterceptAndQformByHand()
    {
        // int16 values 0..7, scl_slope 2, scl_inter −1024 → 2v − 1024.
        // qform quaternion (b, c, d) = (0, 0, 1) is a 180° turn about z: R = diag(−1, −1, 1) in RAS, which
        // is the identity in LPS. qoffset (10, 20, 30) RAS → origin (−10, −20, 30) LPS.
        var header = NewHeader(dims: [2, 2, 2], datatype: 4, bitpix: 16, spacing: [0.5f, 0.5f, 2f]);
        BinaryPrimitives.WriteSingleLittleEndian(header.AsSpan(112), 2f);
        BinaryPrimitives.WriteSingleLittleEndian(header.AsSpan(116), -1024f);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(252), 1);
        float[] quatern = [0, 0, 1, 10, 20, 30];
        for (var i = 0; i < 6; i++)
        {
            BinaryPrimitives.WriteSingleLittleEndian(header.AsSpan(256 + 4 * i), quatern[i]);
        }

        var data = new byte[16];
        for (short v = 0; v < 8; v++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(data.AsSpan(2 * v), v);
        }

        var path = _temp.File("hand.nii");
        File.WriteAllBytes(path, [.. header, .. data]);

        var volume = NiftiReader.Read(path);

        Assert.Equal(new float[] { -1024, -1022, -1020, -1018, -1016, -1014, -1012, -1010 }, volume.Voxels);
        Assert.Equal(new Vec3(-10, -20, 30), volume.Geometry.Origin);
        Assert.Equal(new Vec3(0.5, 0.5, 2), volume.Geometry.Spacing);
        Assert.True(volume.Geometry.Direction.ApproximatelyEquals(Direction3.Identity, 1e-7));
    }

    [Fact]
    public void ReadsBigEndianFloat()
    {
        var header = NewHeader(dims: [2, 1, 1], datatype: 16, bitpix: 32, spacing: [1, 1, 1]);
        SwapHeaderToBigEndian(header);
        var data = new byte[8];
        BinaryPrimitives.WriteSingleBigEndian(data, 1.5f);
        BinaryPrimitives.WriteSingleBigEndian(data.AsSpan(4), -2.25f);
        var path = _temp.File("be.nii");
        File.WriteAllBytes(path, [.. header, .. data]);

        Assert.Equal(new[] { 1.5f, -2.25f }, NiftiReader.Read(path).Voxels);
    }

    [Fact]
    public void TruncatedGzipNamesTheFile()
    {
        var path = _temp.File("t.nii.gz");
        NiftiWriter.Write(RandomVolume(ObliqueGeometry(), 1, 0, 1, false), path);
        var bytes = File.ReadAllBytes(path);
        File.WriteAllBytes(path, bytes[..(bytes.Length / 2)]);

        var error = Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path));

        Assert.Equal(path, error.Path);
        Assert.Contains("truncated", error.Message);
        Assert.StartsWith(path, error.Message);
    }

    [Fact]
    public void NonsenseDimensionsAreRejected()
    {
        var header = NewHeader(dims: [4, 4, 4], datatype: 16, bitpix: 32, spacing: [1, 1, 1]);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(40), 9); // dim[0] = 9
        var path = _temp.File("dims.nii");
        File.WriteAllBytes(path, [.. header, .. new byte[256]]);

        var error = Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path));

        Assert.Contains("dim[0] = 9", error.Problem);
    }

    [Fact]
    public void MissingDataIsReportedAsTruncated()
    {
        var header = NewHeader(dims: [4, 4, 4], datatype: 16, bitpix: 32, spacing: [1, 1, 1]);
        var path = _temp.File("short.nii");
        File.WriteAllBytes(path, [.. header, .. new byte[10]]);

        var error = Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path));

        Assert.Contains("truncated", error.Problem);
    }

    [Fact]
    public void FourDimensionalImagesAreRejected()
    {
        var header = NewHeader(dims: [2, 2, 2], datatype: 16, bitpix: 32, spacing: [1, 1, 1]);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(40), 4);
        BinaryPrimitives.WriteInt16LittleEndian(header.AsSpan(48), 3);
        var path = _temp.File("4d.nii");
        File.WriteAllBytes(path, [.. header, .. new byte[96]]);

        Assert.Contains("3D volume was expected", Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path)).Problem);
    }

    [Fact]
    public void NotNiftiIsRejected()
    {
        var path = _temp.File("junk.nii");
        File.WriteAllBytes(path, new byte[400]);

        Assert.Contains("not a NIfTI-1 file", Assert.Throws<VolumeFormatException>(() => NiftiReader.Read(path)).Problem);
    }

    /// <summary>A 352-byte little-endian single-file header with no qform/sform.</summary>
    private static byte[] NewHeader(int[] dims, short datatype, short bitpix, float[] spacing)
    {
        var h = new byte[352];
        BinaryPrimitives.WriteInt32LittleEndian(h, 348);
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(40), 3);
        for (var i = 0; i < 3; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(42 + 2 * i), (short)dims[i]);
            BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(80 + 4 * i), spacing[i]);
        }

        for (var i = 3; i < 7; i++)
        {
            BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(42 + 2 * i), 1);
        }

        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(70), datatype);
        BinaryPrimitives.WriteInt16LittleEndian(h.AsSpan(72), bitpix);
        BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(76), 1f);
        BinaryPrimitives.WriteSingleLittleEndian(h.AsSpan(108), 352f);
        "n+1\0"u8.CopyTo(h.AsSpan(344));
        return h;
    }

    /// <summary>Byte-swaps the fields NewHeader writes (sizeof_hdr, dims, datatype, bitpix, pixdim, vox_offset).</summary>
    private static void SwapHeaderToBigEndian(byte[] h)
    {
        h.AsSpan(0, 4).Reverse();
        foreach (var offset in new[] { 40, 42, 44, 46, 48, 50, 52, 54, 70, 72 })
        {
            h.AsSpan(offset, 2).Reverse(); // dim[8], datatype, bitpix
        }

        for (var i = 0; i < 9; i++)
        {
            h.AsSpan(76 + 4 * i, 4).Reverse(); // pixdim[8], vox_offset
        }
    }

    private static void ClearSform(string path)
    {
        var bytes = File.ReadAllBytes(path);
        BinaryPrimitives.WriteInt16LittleEndian(bytes.AsSpan(254), 0);
        File.WriteAllBytes(path, bytes);
    }
}
