using System.Globalization;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Validation;

/// <summary>
/// The checks every (image, mask) pair passes before any computation, shared by radiomics extraction and
/// <c>olnm cohort check</c>: the image is a 3D volume (at least 2 voxels on every axis) of finite voxels; the
/// mask holds integer labels and is reduced to one binary ROI (<see cref="Binarise"/>); at least one mask voxel
/// lies on the image. Every failure is a <see cref="VolumeFormatException"/> naming the file, with its
/// <see cref="VolumeFormatException.Kind"/> set.
/// </summary>
public static class CaseInputs
{
    /// <summary>At most this many distinct non-zero mask values are told apart; more means the file is not a label mask.</summary>
    public const int MaxLabels = 16;

    /// <summary>Reads and checks a case; returns the image and the binary (0/1) mask of the chosen label.</summary>
    /// <param name="imagePath">The image file.</param>
    /// <param name="maskPath">The mask file.</param>
    /// <param name="maskLabel">The label value that is the ROI, or null to take the mask's only non-zero value.</param>
    /// <param name="warnings">Receives notes that do not stop the case (e.g. a single label other than 1).</param>
    /// <exception cref="VolumeFormatException">The first problem found, naming the file.</exception>
    public static (Volume Image, Volume Mask) Read(string imagePath, string maskPath, int? maskLabel, ICollection<string> warnings)
    {
        var image = VolumeIO.Read(imagePath);
        CheckImage(imagePath, image);
        var mask = Binarise(maskPath, VolumeIO.Read(maskPath), maskLabel, warnings);
        CheckOnImage(maskPath, mask, image.Geometry);
        return (image, mask);
    }

    /// <summary>Checks that <paramref name="image"/> (read from <paramref name="path"/>) is 3D and every voxel finite.</summary>
    /// <exception cref="VolumeFormatException">A single-slice image, or NaN/±∞ voxels (count and first index).</exception>
    public static void CheckImage(string path, Volume image)
    {
        var size = image.Size;
        if (size.X < 2 || size.Y < 2 || size.Z < 2)
        {
            throw new VolumeFormatException(path, $"is not a 3D image ({size.X}×{size.Y}×{size.Z} voxels); radiomics needs at least 2 voxels on every axis")
            {
                Kind = VolumeProblem.NotThreeDimensional,
            };
        }

        var voxels = image.Voxels;
        var first = -1;
        long count = 0;
        for (var i = 0; i < voxels.Length; i++)
        {
            if (!float.IsFinite(voxels[i]))
            {
                first = first < 0 ? i : first;
                count++;
            }
        }

        if (count > 0)
        {
            var (x, y, z) = (first % size.X, first / size.X % size.Y, first / size.X / size.Y);
            throw new VolumeFormatException(path, string.Create(CultureInfo.InvariantCulture, $"{count} voxel(s) are NaN or infinite, the first at voxel ({x}, {y}, {z}) = {voxels[first]}"))
            {
                Kind = VolumeProblem.NonFiniteVoxels,
            };
        }
    }

    /// <summary>
    /// The binary mask (1 inside, 0 outside) of label <paramref name="label"/>, or of the mask's only non-zero
    /// value when <paramref name="label"/> is null (with a warning when that value is not 1). Done before any
    /// interpolation, so a mask saved with value 2 gives the same ROI as one saved with 1.
    /// </summary>
    /// <exception cref="VolumeFormatException">
    /// Non-integer or non-finite values, more than <see cref="MaxLabels"/> labels, several labels and no
    /// <paramref name="label"/>, <paramref name="label"/> absent, or no non-zero voxel.
    /// </exception>
    public static Volume Binarise(string path, Volume mask, int? label, ICollection<string> warnings)
    {
        Span<float> labels = stackalloc float[MaxLabels];
        Span<long> counts = stackalloc long[MaxLabels];
        var distinct = 0;
        var voxels = mask.Voxels;
        for (var i = 0; i < voxels.Length; i++)
        {
            var v = voxels[i];
            if (v == 0f)
            {
                continue;
            }

            if (!float.IsFinite(v) || v != MathF.Round(v))
            {
                throw Labels(path, string.Create(CultureInfo.InvariantCulture, $"voxel {i} has value {v}; a mask holds integer labels (0 outside)"));
            }

            var slot = labels[..distinct].IndexOf(v);
            if (slot < 0)
            {
                if (distinct == MaxLabels)
                {
                    throw Labels(path, $"holds more than {MaxLabels} distinct values; is it an image rather than a label mask?");
                }

                slot = distinct++;
                labels[slot] = v;
            }

            counts[slot]++;
        }

        var present = Describe(labels[..distinct], counts[..distinct]);
        float chosen;
        if (label is { } wanted)
        {
            if (labels[..distinct].IndexOf(wanted) < 0)
            {
                throw distinct == 0 ? Empty(path) : Labels(path, $"has no voxel with label {wanted} (labels present: {present})");
            }

            chosen = wanted;
        }
        else if (distinct == 0)
        {
            throw Empty(path);
        }
        else if (distinct > 1)
        {
            throw Labels(path, $"holds several labels ({present}); choose the ROI with --label");
        }
        else
        {
            chosen = labels[0];
            if (chosen != 1f)
            {
                warnings.Add(string.Create(CultureInfo.InvariantCulture, $"mask {path} holds the single label {chosen}; used as the ROI"));
            }
        }

        var binary = new float[voxels.Length];
        for (var i = 0; i < voxels.Length; i++)
        {
            binary[i] = voxels[i] == chosen ? 1f : 0f;
        }

        return mask.WithVoxels(binary);
    }

    /// <summary>Checks that at least one voxel of the binary <paramref name="mask"/> has its centre inside <paramref name="image"/>.</summary>
    /// <exception cref="VolumeFormatException">Every mask voxel lies off the image.</exception>
    public static void CheckOnImage(string maskPath, Volume mask, ImageGeometry image)
    {
        if (mask.Geometry.SameGrid(image))
        {
            return;
        }

        var size = mask.Size;
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    if (mask.Voxels[size.Index(x, y, z)] > 0.5f && Inside(image, image.PhysicalToIndex(mask.Geometry.IndexToPhysical(x, y, z))))
                    {
                        return;
                    }
                }
            }
        }

        throw new VolumeFormatException(maskPath, $"no mask voxel lies on the image (mask {mask.Geometry.Describe()}, image {image.Describe()})")
        {
            Kind = VolumeProblem.MaskOutsideImage,
        };
    }

    private static bool Inside(ImageGeometry image, Vec3 index) =>
        index.X >= -0.5 && index.X < image.Size.X - 0.5
        && index.Y >= -0.5 && index.Y < image.Size.Y - 0.5
        && index.Z >= -0.5 && index.Z < image.Size.Z - 0.5;

    private static string Describe(ReadOnlySpan<float> labels, ReadOnlySpan<long> counts)
    {
        var parts = new (float Label, string Text)[labels.Length];
        for (var i = 0; i < labels.Length; i++)
        {
            parts[i] = (labels[i], string.Create(CultureInfo.InvariantCulture, $"{labels[i]}: {counts[i]} voxel{(counts[i] == 1 ? "" : "s")}"));
        }

        return string.Join(", ", parts.OrderBy(p => p.Label).Select(p => p.Text));
    }

    private static VolumeFormatException Labels(string path, string problem) => new(path, problem) { Kind = VolumeProblem.MaskLabels };

    private static VolumeFormatException Empty(string path) => new(path, "mask is empty (every voxel is 0)") { Kind = VolumeProblem.EmptyMask };
}
