using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Imaging.Resampling;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// The pre-training inputs: each volume's CT cube of <see cref="CropOptions.Edge"/>³ voxels at <see cref="CropOptions.Spacing"/> mm,
/// the recipe's first channel (the CT, or the CT in the peritumoral shell, <see cref="ChannelRecipe.Peritumoral"/>) windowed to
/// [0, 1]. A volume with a mask goes through the fusion pipeline's
/// <see cref="PreparedCaseCache"/> (the cube centred on the mask's bounding box, computed once per file content and recipe);
/// one without is resampled onto the same centre-aligned grid and cut around the grid's centre (<see cref="CubeCrop"/> with the
/// whole grid as the box). Cubes leaving the image are padded with the window's lower bound (0 after scaling).
/// </summary>
public static class PretrainingCrops
{
    /// <summary>The crops of <paramref name="volumes"/>, E³ floats each (x fastest, i.e. <c>[D, H, W]</c> order).</summary>
    /// <exception cref="ArgumentException">The channel is peritumoral and a volume has no mask (checked before any crop is made; the
    /// message names the first such file).</exception>
    public static float[][] Load(
        IReadOnlyList<PretrainingVolume> volumes, CropOptions crop, string cacheDirectory, IProgress<(int Done, int Total)>? progress = null, CancellationToken cancellationToken = default)
    {
        if (crop.Channels[0].Peritumoral is not null && volumes.FirstOrDefault(v => v.MaskPath is null) is { } maskless)
        {
            throw new ArgumentException(
                $"{maskless.ImagePath}: has no tumour mask (masks/<same name> beside images/, or the manifest's mask), which channel '{crop.Channels[0].Key}' needs.");
        }

        Directory.CreateDirectory(cacheDirectory);
        var cache = new PreparedCaseCache(cacheDirectory);
        var crops = new float[volumes.Count][];
        int done = 0;
        Parallel.For(0, volumes.Count, new ParallelOptions { CancellationToken = cancellationToken, MaxDegreeOfParallelism = Environment.ProcessorCount }, i =>
        {
            var volume = volumes[i];
            crops[i] = volume.MaskPath is { } mask
                ? cache.GetOrPrepare(volume.ImagePath, mask, null, crop).Channels[0]
                : Centred(volume.ImagePath, crop);
            progress?.Report((Interlocked.Increment(ref done), volumes.Count));
        });
        return crops;
    }

    /// <summary>The cube around the centre of the CT at <paramref name="path"/> resampled to the recipe's spacing.</summary>
    public static float[] Centred(string path, CropOptions crop)
    {
        var window = crop.Channels[0].Window;
        var resampled = Resampler.ToSpacing(VolumeIO.Read(path), crop.SpacingVector, Interpolation.Linear, window.Lower);
        var size = resampled.Size;
        var start = CubeCrop.Start(new MaskBounds(0, 0, 0, size.X - 1, size.Y - 1, size.Z - 1), crop.Edge);
        var cube = CubeCrop.Extract(resampled, start, crop.Edge, window.Lower);
        window.ApplyInPlace(cube.Voxels);
        return cube.Voxels;
    }
}
