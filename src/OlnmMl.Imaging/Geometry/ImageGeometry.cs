namespace OlnmMl.Imaging.Geometry;

/// <summary>
/// The voxel grid of a volume in physical space: p(i) = origin + D · (spacing ∘ i), with i the
/// (x, y, z) voxel index, D the <see cref="Direction3"/> and p in millimetres in the LPS frame
/// (the ITK/DICOM convention; NIfTI's RAS affine is converted on read and write).
/// </summary>
public sealed record ImageGeometry(GridSize Size, Vec3 Spacing, Vec3 Origin, Direction3 Direction)
{
    /// <summary>Axis-aligned geometry with identity direction.</summary>
    public static ImageGeometry AxisAligned(GridSize size, Vec3 spacing, Vec3 origin = default) =>
        new(size, spacing, origin, Direction3.Identity);

    /// <summary>Physical position of the (possibly fractional) voxel index (i, j, k).</summary>
    public Vec3 IndexToPhysical(double i, double j, double k) =>
        Origin + Direction.Multiply(new Vec3(i * Spacing.X, j * Spacing.Y, k * Spacing.Z));

    /// <summary>Continuous voxel index of a physical point: i = (Dᵀ · (p − origin)) ⊘ spacing.</summary>
    public Vec3 PhysicalToIndex(Vec3 point)
    {
        var local = Direction.MultiplyTransposed(point - Origin);
        return new Vec3(local.X / Spacing.X, local.Y / Spacing.Y, local.Z / Spacing.Z);
    }

    /// <summary>Volume of one voxel in mm³.</summary>
    public double VoxelVolume => Spacing.X * Spacing.Y * Spacing.Z;

    /// <summary>
    /// True when both grids have the same size and their spacing, origin and direction agree within
    /// <paramref name="tolerance"/> (mm for origin/spacing, unitless for the direction cosines).
    /// </summary>
    public bool SameGrid(ImageGeometry other, double tolerance = 1e-3) =>
        Size == other.Size
        && (Spacing - other.Spacing).Length <= tolerance
        && (Origin - other.Origin).Length <= tolerance
        && Direction.ApproximatelyEquals(other.Direction, tolerance);

    /// <summary>A one-line description: size, spacing and origin.</summary>
    public string Describe() =>
        $"size {Size}, spacing ({Spacing.X:0.###}, {Spacing.Y:0.###}, {Spacing.Z:0.###}) mm, origin ({Origin.X:0.##}, {Origin.Y:0.##}, {Origin.Z:0.##})";
}
