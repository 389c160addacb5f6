using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Morphology;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Torch.Pretraining;

namespace OlnmMl.Torch.Tests.Pretraining;

public sealed class PretrainingCropsTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("olnm-pretrain-crops-").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public void CropsCentreOnTheMaskWhenThereIsOneAndOnTheVolumeCentreOtherwise()
    {
        // A 40³ CT at 1.5 mm (already the crop spacing): air −1000 HU, a 0 HU marker at the centre voxel (20, 20, 20) and a
        // +400 HU tumour at voxels 5…8 on every axis, which is the mask. Lung window [−1600, 400]: −1000 → 0.3, 0 → 0.8, 400 → 1.
        // Without mask the 16³ cube starts at (0 + 39 + 1)/2 − 8 = 12, so the marker sits at crop index 8.
        // With the mask it starts at (5 + 8 + 1)/2 − 8 = −1: the tumour at crop indices 6…9, index 0 outside the image (0).
        var (imagePath, maskPath) = WriteCase();
        var recipe = new CropOptions { Edge = 16, Spacing = 1.5, RequireMaskInsideCrop = false };

        var crops = PretrainingCrops.Load([new(imagePath, null), new(imagePath, maskPath)], recipe, Path.Combine(folder, "cache"));

        int At(int x, int y, int z) => x + 16 * (y + 16 * z);
        Assert.Equal(0.8f, crops[0][At(8, 8, 8)], 5);
        Assert.Equal(0.3f, crops[0][At(7, 8, 8)], 5);
        Assert.Equal(1f, crops[1][At(6, 6, 6)], 5);
        Assert.Equal(1f, crops[1][At(9, 9, 9)], 5);
        Assert.Equal(0.3f, crops[1][At(10, 9, 9)], 5);
        Assert.Equal(0f, crops[1][At(0, 8, 8)], 5);
    }

    /// <summary>
    /// Writes the 40³ CT at 1.5 mm of the first test (air −1000 HU, a 0 HU marker at voxel (20, 20, 20), a +400 HU tumour at
    /// voxels 5…8 on every axis) and its tumour mask; returns their paths.
    /// </summary>
    private (string Image, string Mask) WriteCase()
    {
        var geometry = ImageGeometry.AxisAligned(GridSize.Cube(40), new Vec3(1.5, 1.5, 1.5), new Vec3(0, 0, 0));
        var ct = new float[40 * 40 * 40];
        var mask = new float[ct.Length];
        Array.Fill(ct, -1000f);
        ct[geometry.Size.Index(20, 20, 20)] = 0f;
        for (int z = 5; z <= 8; z++)
        {
            for (int y = 5; y <= 8; y++)
            {
                for (int x = 5; x <= 8; x++)
                {
                    ct[geometry.Size.Index(x, y, z)] = 400f;
                    mask[geometry.Size.Index(x, y, z)] = 1f;
                }
            }
        }
        var (imagePath, maskPath) = (Path.Combine(folder, "ct.nii.gz"), Path.Combine(folder, "mask.nii.gz"));
        NiftiWriter.Write(new Volume(geometry, ct), imagePath, VoxelType.Int16);
        NiftiWriter.Write(new Volume(geometry, mask), maskPath, VoxelType.UInt8);
        return (imagePath, maskPath);
    }

    /// <summary>16³ crops at 1.5 mm of the CT within 3 mm outside the mask, windowed by <paramref name="window"/>.</summary>
    private static CropOptions ShellRecipe(IntensityWindow window) => new()
    {
        Edge = 16,
        Spacing = 1.5,
        Channels = [ChannelRecipe.InShell("ct", window, new PeritumoralRegion(0, 3))],
        RequireMaskInsideCrop = false,
    };

    [Fact]
    public void PeritumoralCropsAreTheTrialPipelinesCropsOfTheSameRecipe()
    {
        // The shell of 3 mm (2 voxels) around the tumour keeps its HU, windowed by [−1100, −900] (−1000 → 0.5); the tumour and
        // everything beyond the shell are the window floor, 0.
        var (imagePath, maskPath) = WriteCase();
        var recipe = ShellRecipe(new IntensityWindow(-1100, -900));

        var crop = PretrainingCrops.Load([new(imagePath, maskPath)], recipe, Path.Combine(folder, "cache"))[0];

        Assert.Equal(CasePreprocessor.Prepare(imagePath, maskPath, null, recipe).Channels[0], crop);
        int At(int x, int y, int z) => x + 16 * (y + 16 * z);
        Assert.Equal(0f, crop[At(7, 7, 7)], 5);
        Assert.Equal(0.5f, crop[At(10, 7, 7)], 5);
        Assert.Equal(0.5f, crop[At(11, 7, 7)], 5);
        Assert.Equal(0f, crop[At(12, 7, 7)], 5);
    }

    [Fact]
    public void APeritumoralRecipeRefusesAVolumeWithoutMaskNamingItsFile()
    {
        var (imagePath, maskPath) = WriteCase();
        var recipe = ShellRecipe(ChannelRecipe.Ct.Window);

        var error = Assert.Throws<ArgumentException>(() => PretrainingCrops.Load([new(imagePath, maskPath), new(imagePath, null)], recipe, Path.Combine(folder, "cache")));

        Assert.Equal($"{imagePath}: has no tumour mask (masks/<same name> beside images/, or the manifest's mask), which channel 'ct-peritumoral' needs.", error.Message);
        Assert.False(Directory.Exists(Path.Combine(folder, "cache")) && Directory.EnumerateFiles(Path.Combine(folder, "cache")).Any());
    }
}
