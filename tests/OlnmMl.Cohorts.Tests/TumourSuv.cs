using OlnmMl.Imaging;

namespace OlnmMl.Cohorts.Tests;

/// <summary>Tumour SUVmax as a reader measures it: the largest PET voxel whose centre lies in the mask's world bounding box (half a PET voxel of slack).</summary>
internal static class TumourSuv
{
    public static double Max(Volume mask, Volume pet)
    {
        var (min, max) = MaskBox(mask);
        var spacing = pet.Geometry.Spacing;
        var best = 0.0;
        for (var k = 0; k < pet.Size.Z; k++)
        {
            for (var j = 0; j < pet.Size.Y; j++)
            {
                for (var i = 0; i < pet.Size.X; i++)
                {
                    var p = pet.Geometry.IndexToPhysical(i, j, k);
                    if (Math.Abs(p.X - 0.5 * (min.X + max.X)) <= 0.5 * (max.X - min.X + spacing.X)
                        && Math.Abs(p.Y - 0.5 * (min.Y + max.Y)) <= 0.5 * (max.Y - min.Y + spacing.Y)
                        && Math.Abs(p.Z - 0.5 * (min.Z + max.Z)) <= 0.5 * (max.Z - min.Z + spacing.Z))
                    {
                        best = Math.Max(best, pet[i, j, k]);
                    }
                }
            }
        }

        return best;
    }

    /// <summary>World bounding box of the mask's voxel centres.</summary>
    public static (Imaging.Geometry.Vec3 Min, Imaging.Geometry.Vec3 Max) MaskBox(Volume mask)
    {
        double x0 = double.MaxValue, y0 = double.MaxValue, z0 = double.MaxValue, x1 = double.MinValue, y1 = double.MinValue, z1 = double.MinValue;
        for (var k = 0; k < mask.Size.Z; k++)
        {
            for (var j = 0; j < mask.Size.Y; j++)
            {
                for (var i = 0; i < mask.Size.X; i++)
                {
                    if (mask[i, j, k] > 0.5f)
                    {
                        var p = mask.Geometry.IndexToPhysical(i, j, k);
                        (x0, y0, z0) = (Math.Min(x0, p.X), Math.Min(y0, p.Y), Math.Min(z0, p.Z));
                        (x1, y1, z1) = (Math.Max(x1, p.X), Math.Max(y1, p.Y), Math.Max(z1, p.Z));
                    }
                }
            }
        }

        return (new(x0, y0, z0), new(x1, y1, z1));
    }
}
