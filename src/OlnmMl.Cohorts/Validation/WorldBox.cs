using System.Globalization;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Cohorts.Validation;

/// <summary>
/// An axis-aligned box in world coordinates (mm): the hull of a grid's voxel centres, or of a mask's non-zero voxels.
/// Used to check that an image on another grid (a PET) covers the tumour before any resampling.
/// </summary>
internal readonly record struct WorldBox(Vec3 Min, Vec3 Max)
{
    /// <summary>The hull of every voxel centre of <paramref name="geometry"/> (its eight corner voxels).</summary>
    public static WorldBox Of(ImageGeometry geometry)
    {
        var size = geometry.Size;
        return Hull(geometry, 0, 0, 0, size.X - 1, size.Y - 1, size.Z - 1);
    }

    /// <summary>The hull of the non-zero voxels of <paramref name="mask"/>, or null for an empty mask.</summary>
    public static WorldBox? OfMask(Volume mask) =>
        MaskBounds.Of(mask) is { } b ? Hull(mask.Geometry, b.MinX, b.MinY, b.MinZ, b.MaxX, b.MaxY, b.MaxZ) : null;

    /// <summary>True when <paramref name="inner"/> lies inside this box (half a millimetre of slack for rounding).</summary>
    public bool Contains(WorldBox inner) =>
        inner.Min.X >= Min.X - 0.5 && inner.Min.Y >= Min.Y - 0.5 && inner.Min.Z >= Min.Z - 0.5
        && inner.Max.X <= Max.X + 0.5 && inner.Max.Y <= Max.Y + 0.5 && inner.Max.Z <= Max.Z + 0.5;

    /// <inheritdoc />
    public override string ToString() => string.Create(
        CultureInfo.InvariantCulture, $"[{Min.X:0.#}, {Max.X:0.#}]×[{Min.Y:0.#}, {Max.Y:0.#}]×[{Min.Z:0.#}, {Max.Z:0.#}]");

    private static WorldBox Hull(ImageGeometry geometry, int x0, int y0, int z0, int x1, int y1, int z1)
    {
        double minX = double.PositiveInfinity, minY = double.PositiveInfinity, minZ = double.PositiveInfinity;
        double maxX = double.NegativeInfinity, maxY = double.NegativeInfinity, maxZ = double.NegativeInfinity;
        foreach (var i in new[] { x0, x1 })
        {
            foreach (var j in new[] { y0, y1 })
            {
                foreach (var k in new[] { z0, z1 })
                {
                    var p = geometry.IndexToPhysical(i, j, k);
                    (minX, minY, minZ) = (Math.Min(minX, p.X), Math.Min(minY, p.Y), Math.Min(minZ, p.Z));
                    (maxX, maxY, maxZ) = (Math.Max(maxX, p.X), Math.Max(maxY, p.Y), Math.Max(maxZ, p.Z));
                }
            }
        }

        return new WorldBox(new Vec3(minX, minY, minZ), new Vec3(maxX, maxY, maxZ));
    }
}
