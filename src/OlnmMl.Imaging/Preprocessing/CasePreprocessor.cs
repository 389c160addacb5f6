using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Resampling;

namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// Turns a case's files into a <see cref="PreparedCase"/>: read CT and mask (which must share a grid),
/// resample PET onto the CT grid, resample everything to the target spacing, scale intensities and
/// crop the cube around the mask.
/// </summary>
public static class CasePreprocessor
{
    /// <summary>Prepares one case.</summary>
    /// <exception cref="VolumeFormatException">A file is unreadable, the mask is off the image grid or empty, or the mask does not fit the crop.</exception>
    public static PreparedCase Prepare(string imagePath, string maskPath, string? petPath, CropOptions options)
    {
        var image = VolumeIO.Read(imagePath);
        var mask = VolumeIO.Read(maskPath);
        if (!mask.Geometry.SameGrid(image.Geometry))
        {
            throw new VolumeFormatException(
                maskPath, $"mask is not on the image grid (mask {mask.Geometry.Describe()}; image {image.Geometry.Describe()})");
        }

        var target = Resampler.AlignedGrid(image.Geometry, options.SpacingVector);
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
        var channels = new List<float[]>(2);
        var ct = Resampler.Resample(image, target, Interpolation.Linear, outsideValue: options.Window.Lower);
        var ctCrop = CubeCrop.Extract(ct, start, options.Edge, options.Window.Lower);
        options.Window.ApplyInPlace(ctCrop.Voxels);
        ThrowIfNotFinite(imagePath, ctCrop.Voxels);
        channels.Add(ctCrop.Voxels);
        if (petPath is not null)
        {
            var pet = Resampler.Resample(VolumeIO.Read(petPath), target, Interpolation.Linear, outsideValue: options.PetWindow.Lower);
            var petCrop = CubeCrop.Extract(pet, start, options.Edge, options.PetWindow.Lower);
            options.PetWindow.ApplyInPlace(petCrop.Voxels);
            ThrowIfNotFinite(petPath, petCrop.Voxels);
            channels.Add(petCrop.Voxels);
        }

        var maskCrop = CubeCrop.Extract(resampledMask, start, options.Edge, 0f);
        return new PreparedCase(options.Edge, [.. channels], maskCrop.Voxels);
    }

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
