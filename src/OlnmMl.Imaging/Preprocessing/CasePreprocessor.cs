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
        var resampled = ResampledCase.Read(images, options.SpacingVector);
        var bounds = resampled.Bounds;
        if (options.RequireMaskInsideCrop)
        {
            var extent = bounds.Extent;
            if (extent.X > options.Edge || extent.Y > options.Edge || extent.Z > options.Edge)
            {
                throw new VolumeFormatException(
                    resampled.MaskPath, $"the {options.Edge}³ crop cannot contain the mask (mask extent {extent} voxels at {options.Spacing} mm)");
            }
        }

        var start = CubeCrop.Start(bounds, options.Edge);
        var channels = new float[options.Channels.Count][];
        for (var c = 0; c < channels.Length; c++)
        {
            var recipe = options.Channels[c];
            var crop = CubeCrop.Extract(resampled.Channel(recipe), start, options.Edge, recipe.Window.Lower);
            recipe.Window.ApplyInPlace(crop.Voxels);
            ResampledCase.ThrowIfNotFinite(resampled.PathOf(recipe.ImageKey), crop.Voxels);
            channels[c] = crop.Voxels;
        }

        var maskCrop = CubeCrop.Extract(resampled.Mask, start, options.Edge, 0f);
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
}
