using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Extraction;

// A small sphere with varied integer intensities inside any re-segmentation range: run once per recipe to
// learn its feature names and order.
internal static class SyntheticCase
{
    private const int Edge = 16;

    public static Volume Image(RadiomicsSettings settings)
    {
        var low = settings.Resegmentation.RangeMin is { } min ? Math.Max(1, Math.Ceiling(min)) : 1;
        var geometry = ImageGeometry.AxisAligned(GridSize.Cube(Edge), new Vec3(1, 1, 1));
        var voxels = new float[geometry.Size.Count];
        for (var i = 0; i < voxels.Length; i++)
        {
            voxels[i] = (float)(low + i * 7 % 20);
        }

        return new Volume(geometry, voxels);
    }

    public static Volume Mask()
    {
        var mask = Volume.Zeros(ImageGeometry.AxisAligned(GridSize.Cube(Edge), new Vec3(1, 1, 1)));
        for (var z = 0; z < Edge; z++)
        {
            for (var y = 0; y < Edge; y++)
            {
                for (var x = 0; x < Edge; x++)
                {
                    double dx = x - 7.5, dy = y - 7.5, dz = z - 7.5;
                    if (dx * dx + dy * dy + dz * dz <= 25)
                    {
                        mask[x, y, z] = 1;
                    }
                }
            }
        }

        return mask;
    }
}
