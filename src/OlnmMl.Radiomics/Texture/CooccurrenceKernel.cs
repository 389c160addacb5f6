namespace OlnmMl.Radiomics.Texture;

/// <summary>Counts grey level co-occurrences: the allocation-free GLCM construction.</summary>
internal static class CooccurrenceKernel
{
    /// <summary>
    /// Adds to <paramref name="counts"/> (N<sub>g</sub> × N<sub>g</sub>, row-major) the symmetric
    /// co-occurrences of voxels in padded slices [<paramref name="z0"/>, <paramref name="z1"/>) with
    /// their neighbour at <paramref name="direction"/> × <paramref name="distance"/>: both voxels
    /// must lie in the intensity mask; each pair adds (i, j) and (j, i).
    /// </summary>
    public static void Count(PaddedRoi grid, (int X, int Y, int Z) direction, int distance, int z0, int z1, Span<int> counts)
    {
        var grey = grid.Grey;
        var ng = grid.LevelCount;
        var offset = grid.Offset(direction.X * distance, direction.Y * distance, direction.Z * distance);
        var pad = grid.Pad;
        var width = grid.Nx - 2 * pad;
        for (var z = z0; z < z1; z++)
        {
            for (var y = pad; y < grid.Ny - pad; y++)
            {
                var row = grid.Index(pad, y, z);
                for (var v = row; v < row + width; v++)
                {
                    var g = grey[v];
                    if (g == 0)
                    {
                        continue;
                    }

                    var h = grey[v + offset];
                    if (h == 0)
                    {
                        continue;
                    }

                    counts[((g - 1) * ng) + h - 1]++;
                    counts[((h - 1) * ng) + g - 1]++;
                }
            }
        }
    }
}
