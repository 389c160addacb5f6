namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// A mask's cross-sections and centroid, from one pass over its voxels (inside = value &gt; 0.5):
/// <see cref="Areas"/>[axis][i] counts the inside voxels whose index along axis (0 = x, 1 = y, 2 = z) is i;
/// the centroid is the mean inside-voxel index per axis, rounded half up (⌊mean + ½⌋).
/// </summary>
public sealed class MaskProfile
{
    private MaskProfile(int[][] areas, (int X, int Y, int Z) centroid)
    {
        Areas = areas;
        Centroid = centroid;
    }

    /// <summary>Inside voxels per slice along each axis: [axis][index].</summary>
    public IReadOnlyList<int[]> Areas { get; }

    /// <summary>The centroid voxel.</summary>
    public (int X, int Y, int Z) Centroid { get; }

    /// <summary>The centroid's index along <paramref name="axis"/>.</summary>
    public int CentroidOn(int axis) => axis switch
    {
        0 => Centroid.X,
        1 => Centroid.Y,
        _ => Centroid.Z,
    };

    /// <summary>The profile of <paramref name="mask"/>, or null when it has no inside voxel.</summary>
    public static MaskProfile? Of(Volume mask)
    {
        var size = mask.Size;
        int[][] areas = [new int[size.X], new int[size.Y], new int[size.Z]];
        long sumX = 0, sumY = 0, sumZ = 0, count = 0;
        var voxels = mask.Voxels;
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                var row = size.Index(0, y, z);
                for (var x = 0; x < size.X; x++)
                {
                    if (voxels[row + x] > 0.5f)
                    {
                        areas[0][x]++;
                        areas[1][y]++;
                        areas[2][z]++;
                        sumX += x;
                        sumY += y;
                        sumZ += z;
                        count++;
                    }
                }
            }
        }

        return count == 0 ? null : new MaskProfile(areas, (Round(sumX, count), Round(sumY, count), Round(sumZ, count)));
    }

    private static int Round(long sum, long count) => (int)Math.Floor((double)sum / count + 0.5);
}
