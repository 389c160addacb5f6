using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Imaging.Tests;

/// <summary>
/// A hand-made 10×10×8 CT at 1 mm (so resampling to 1 mm is the identity) whose voxel (x, y, z) holds
/// 100·z + 10·y + x + 1 (distinct per slice, never 0), and a tumour of 7 voxels: slice 2: (5, 5); slice 3: x, y ∈ {4, 5};
/// slice 4: (5, 5), (6, 5). Cross-sections 1, 4, 2; centroid x = 34/7 → 5, y = 33/7 → 5, z = 22/7 → 3.
/// With <see cref="Window"/> [0, 1000] a voxel's scaled value is its raw value / 1000.
/// </summary>
internal static class SliceBagCase
{
    public static ChannelRecipe Window { get; } = new("ct", new IntensityWindow(0, 1000));

    public static SliceBagOptions Options(int size = 4) => new() { Size = size, Channels = [Window] };

    /// <summary>The scaled value of voxel (x, y, z), computed as <see cref="IntensityWindow.ApplyInPlace"/> does: (v − 0) · (1 / 1000).</summary>
    public static float Value(int x, int y, int z) => (100 * z + 10 * y + x + 1) * (1f / 1000f);

    public static IReadOnlyDictionary<string, string> Write(TempDirectory temp, params (int X, int Y, int Z)[] tumour)
    {
        var geometry = ImageGeometry.AxisAligned(new GridSize(10, 10, 8), new Vec3(1, 1, 1));
        var image = Volume.Zeros(geometry);
        for (var z = 0; z < 8; z++)
        {
            for (var y = 0; y < 10; y++)
            {
                for (var x = 0; x < 10; x++)
                {
                    image[x, y, z] = 100 * z + 10 * y + x + 1;
                }
            }
        }

        var mask = Volume.Zeros(geometry);
        foreach (var (x, y, z) in tumour.Length > 0 ? tumour : Tumour)
        {
            mask[x, y, z] = 1;
        }

        var ct = temp.File("ct.nii.gz");
        var maskPath = temp.File("mask.nii.gz");
        VolumeIO.Write(image, ct, VoxelType.Int16);
        VolumeIO.Write(mask, maskPath, VoxelType.UInt8);
        return CasePreprocessor.ImagesOf(ct, maskPath, null);
    }

    private static (int, int, int)[] Tumour { get; } =
        [(5, 5, 2), (4, 4, 3), (5, 4, 3), (4, 5, 3), (5, 5, 3), (5, 5, 4), (6, 5, 4)];
}
