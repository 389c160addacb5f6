using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Resampling;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// Turns a case's named images into a <see cref="PreparedCase"/> by its <see cref="CropOptions"/> recipe: read the CT
/// (<c>ct</c>, the reference grid) and the mask (<c>mask</c>, which must share the CT's grid), resample to the target
/// spacing on the CT's axes, then for every recipe channel resample its image onto that grid, scale it, and crop the
/// cube around the mask.
/// </summary>
public static class CasePreprocessor
{
    /// <summary>Key of the reference image whose grid the crop follows.</summary>
    public const string ReferenceKey = "ct";

    /// <summary>Key of the tumour mask.</summary>
    public const string MaskKey = "mask";

    /// <summary>Prepares one case from its images by key.</summary>
    /// <exception cref="VolumeFormatException">An image the recipe needs is missing or unreadable, the mask is off the CT grid or empty, or the mask does not fit the crop.</exception>
    public static PreparedCase Prepare(IReadOnlyDictionary<string, string> images, CropOptions options)
    {
        string PathOf(string key) => images.TryGetValue(key, out var path)
            ? path
            : throw new VolumeFormatException(images.GetValueOrDefault(ReferenceKey) ?? "(case)", $"the case has no image '{key}', which the image recipe needs (it has: {string.Join(", ", images.Keys)})");

        var reference = PathOf(ReferenceKey);
        var maskPath = PathOf(MaskKey);
        var ct = VolumeIO.Read(reference);
        var mask = VolumeIO.Read(maskPath);
        if (!mask.Geometry.SameGrid(ct.Geometry))
        {
            throw new VolumeFormatException(
                maskPath, $"mask is not on the image grid (mask {mask.Geometry.Describe()}; image {ct.Geometry.Describe()})");
        }

        var target = Resampler.AlignedGrid(ct.Geometry, options.SpacingVector);
        var resampledMask = Resampler.ResampleMask(mask, target);
        var bounds = MaskBounds.Of(resampledMask)
            ?? throw new VolumeFormatException(maskPath, "mask is empty after resampling (no voxel > 0.5)");
        if (options.RequireMaskInsideCrop)
        {
            var extent = bounds.Extent;
            if (extent.X > options.Edge || extent.Y > options.Edge || extent.Z > options.Edge)
            {
                throw new VolumeFormatException(
                    maskPath, $"the {options.Edge}³ crop cannot contain the mask (mask extent {extent} voxels at {options.Spacing} mm)");
            }
        }

        var start = CubeCrop.Start(bounds, options.Edge);
        var channels = new float[options.Channels.Count][];
        for (var c = 0; c < channels.Length; c++)
        {
            var recipe = options.Channels[c];
            var path = PathOf(recipe.Key);
            var source = recipe.Key == ReferenceKey ? ct : VolumeIO.Read(path);
            var resampled = Resampler.Resample(source, target, Interpolation.Linear, outsideValue: recipe.Window.Lower);
            var crop = CubeCrop.Extract(resampled, start, options.Edge, recipe.Window.Lower);
            recipe.Window.ApplyInPlace(crop.Voxels);
            ThrowIfNotFinite(path, crop.Voxels);
            channels[c] = crop.Voxels;
        }

        var maskCrop = CubeCrop.Extract(resampledMask, start, options.Edge, 0f);
        return new PreparedCase(options.Edge, options.ChannelKeys, channels, maskCrop.Voxels);
    }

    /// <summary>
    /// Prepares a case given as CT, mask and optional PET paths (the path columns of the ML.NET crop and deep-feature
    /// estimators): with a PET, a <see cref="ChannelRecipe.PetSuv"/> channel is added when the recipe has no <c>pet</c> channel.
    /// </summary>
    public static PreparedCase Prepare(string imagePath, string maskPath, string? petPath, CropOptions options) =>
        Prepare(ImagesOf(imagePath, maskPath, petPath), WithPet(options, petPath));

    /// <summary>The named images of a CT + mask (+ PET) case.</summary>
    public static IReadOnlyDictionary<string, string> ImagesOf(string imagePath, string maskPath, string? petPath)
    {
        var images = new Dictionary<string, string>(StringComparer.Ordinal) { [ReferenceKey] = imagePath, [MaskKey] = maskPath };
        if (petPath is not null)
        {
            images[ChannelRecipe.PetSuv.Key] = petPath;
        }

        return images;
    }

    /// <summary><paramref name="options"/> with a PET channel appended when <paramref name="petPath"/> is given and the recipe has none.</summary>
    public static CropOptions WithPet(CropOptions options, string? petPath) =>
        petPath is null || options.ChannelKeys.Contains(ChannelRecipe.PetSuv.Key)
            ? options
            : options with { Channels = [.. options.Channels, ChannelRecipe.PetSuv] };

    private static void ThrowIfNotFinite(string path, ReadOnlySpan<float> voxels)
    {
        for (var i = 0; i < voxels.Length; i++)
        {
            if (!float.IsFinite(voxels[i]))
            {
                throw new VolumeFormatException(path, $"the crop contains a non-finite voxel value ({voxels[i]}) at index {i}");
            }
        }
    }
}
