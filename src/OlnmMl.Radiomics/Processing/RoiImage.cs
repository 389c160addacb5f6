using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Processing;

/// <summary>
/// An image cropped around its ROI after interpolation: intensities (NaN where the grid left the
/// source image), the morphological mask (the segmentation) and the intensity mask (after
/// re-segmentation and without NaN voxels), x fastest.
/// </summary>
public sealed class RoiImage
{
    /// <summary>Creates the ROI image; arrays must have Nx·Ny·Nz elements and are not copied.</summary>
    public RoiImage(GridSize size, Vec3 spacing, float[] intensities, bool[] morphologicalMask, bool[] intensityMask)
    {
        if (intensities.Length != size.Count || morphologicalMask.Length != size.Count || intensityMask.Length != size.Count)
        {
            throw new ArgumentException($"A {size} ROI image needs {size.Count} voxels in each array.", nameof(intensities));
        }

        Size = size;
        Spacing = spacing;
        Intensities = intensities;
        MorphologicalMask = morphologicalMask;
        IntensityMask = intensityMask;
        MorphologicalCount = morphologicalMask.Count(v => v);
        IntensityCount = intensityMask.Count(v => v);
    }

    /// <summary>Grid size of the crop.</summary>
    public GridSize Size { get; }

    /// <summary>Voxel spacing in mm.</summary>
    public Vec3 Spacing { get; }

    /// <summary>Voxel intensities.</summary>
    public float[] Intensities { get; }

    /// <summary>The segmentation before intensity re-segmentation.</summary>
    public bool[] MorphologicalMask { get; }

    /// <summary>The voxels whose intensities enter the intensity and texture features.</summary>
    public bool[] IntensityMask { get; }

    /// <summary>Number of voxels in <see cref="MorphologicalMask"/>.</summary>
    public int MorphologicalCount { get; }

    /// <summary>Number of voxels in <see cref="IntensityMask"/>.</summary>
    public int IntensityCount { get; }

    /// <summary>Volume of one voxel in mm³.</summary>
    public double VoxelVolume => Spacing.X * Spacing.Y * Spacing.Z;

    /// <summary>The intensities inside <see cref="IntensityMask"/>, in voxel order.</summary>
    public double[] MaskedIntensities()
    {
        var values = new double[IntensityCount];
        var n = 0;
        for (var i = 0; i < Intensities.Length; i++)
        {
            if (IntensityMask[i])
            {
                values[n++] = Intensities[i];
            }
        }

        return values;
    }

    /// <summary>The same ROI on a filtered image: the intensity mask becomes the morphological mask minus non-finite voxels.</summary>
    public RoiImage WithFilteredIntensities(float[] filtered)
    {
        var mask = new bool[filtered.Length];
        for (var i = 0; i < mask.Length; i++)
        {
            mask[i] = MorphologicalMask[i] && float.IsFinite(filtered[i]);
        }

        return new RoiImage(Size, Spacing, filtered, MorphologicalMask, mask);
    }
}
