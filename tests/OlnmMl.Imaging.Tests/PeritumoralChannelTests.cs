using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Morphology;
using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Imaging.Tests;

/// <summary>A peritumoral channel is the image inside the shell around the tumour, the window's floor everywhere else.</summary>
public sealed class PeritumoralChannelTests : IDisposable
{
    private static readonly IntensityWindow Window = new(0, 100_000);
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>
    /// A 24³ CT at 1 mm holding 1 + index (distinct values), a ball tumour of radius 3 mm centred 4 mm from the x = 0
    /// face (so the distance transform's grown box is clamped to the grid), resampled to 1.5 mm. The expected shell is
    /// computed by brute force on the resampled mask: a voxel outside the tumour whose centre lies within (0, 2] mm of the
    /// nearest tumour voxel centre.
    /// </summary>
    [Fact]
    public void The_channel_keeps_the_image_in_the_shell_and_the_window_floor_elsewhere()
    {
        var images = WriteBall(center: (4, 12, 12), radius: 3);
        var resampled = ResampledCase.Read(images, new Vec3(1.5, 1.5, 1.5));
        var whole = resampled.Channel(new ChannelRecipe("ct", Window));
        var shell = resampled.Channel(ChannelRecipe.InShell("ct", Window, new PeritumoralRegion(0, 2)));

        var size = resampled.Grid.Size;
        var tumour = new List<(int X, int Y, int Z)>();
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    if (resampled.Mask[x, y, z] > 0.5f)
                    {
                        tumour.Add((x, y, z));
                    }
                }
            }
        }

        var (kept, floored) = (0, 0);
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    var distance = tumour.Min(t => 1.5 * Math.Sqrt(Square(t.X - x) + Square(t.Y - y) + Square(t.Z - z)));
                    var inShell = distance > 0 && distance <= 2;
                    Assert.Equal(inShell ? whole[x, y, z] : Window.Lower, shell[x, y, z]);
                    (kept, floored) = inShell ? (kept + 1, floored) : (kept, floored + 1);
                }
            }
        }

        // At 1.5 mm only face neighbours of the surface are within 2 mm (a diagonal is 1.5·√2 ≈ 2.12 mm): a thin but
        // non-empty shell, and most of the grid floored.
        Assert.True(kept > tumour.Count, $"{kept} shell voxels around {tumour.Count} tumour voxels");
        Assert.True(floored > kept);
    }

    [Fact]
    public void A_peritumoral_channel_reads_its_image_and_its_shell_is_part_of_the_cache_key()
    {
        var images = WriteBall(center: (12, 12, 12), radius: 3); // the case has ct and mask, no image named ct-peritumoral
        var cache = new PreparedCaseCache(_temp.File("cache"));
        CropOptions Recipe(double outerMm) => new()
        {
            Edge = 8,
            Spacing = 1,
            Channels = [new ChannelRecipe("ct", Window), ChannelRecipe.InShell("ct", Window, new PeritumoralRegion(0, outerMm))],
        };

        var prepared = cache.GetOrPrepare(images, Recipe(2));

        Assert.Equal(["ct", "ct-peritumoral"], prepared.ChannelKeys);
        Assert.NotEqual(cache.Key(images, Recipe(2)), cache.Key(images, Recipe(3)));
        // The tumour's own voxels are floored in the shell channel and kept in the CT channel.
        var centre = Array.FindIndex(prepared.Mask, m => m > 0.5f);
        Assert.True(prepared.Channels[0][centre] > 0);
        Assert.Equal(0f, prepared.Channels[1][centre]);
        Assert.Contains(prepared.Channels[1], v => v > 0);
    }

    private static double Square(int v) => (double)v * v;

    private IReadOnlyDictionary<string, string> WriteBall((int X, int Y, int Z) center, int radius)
    {
        var geometry = ImageGeometry.AxisAligned(new GridSize(24, 24, 24), new Vec3(1, 1, 1));
        var image = Volume.Zeros(geometry);
        var mask = Volume.Zeros(geometry);
        for (var i = 0; i < image.Voxels.Length; i++)
        {
            image.Voxels[i] = 1 + i;
        }

        for (var z = 0; z < 24; z++)
        {
            for (var y = 0; y < 24; y++)
            {
                for (var x = 0; x < 24; x++)
                {
                    var d2 = Square(x - center.X) + Square(y - center.Y) + Square(z - center.Z);
                    mask[x, y, z] = d2 <= radius * radius ? 1 : 0;
                }
            }
        }

        var ct = _temp.File($"ct-{center.X}.nii.gz");
        var maskPath = _temp.File($"mask-{center.X}.nii.gz");
        VolumeIO.Write(image, ct, VoxelType.Float32);
        VolumeIO.Write(mask, maskPath, VoxelType.UInt8);
        return CasePreprocessor.ImagesOf(ct, maskPath, null);
    }
}
