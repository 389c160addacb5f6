namespace OlnmMl.Radiomics.Texture;

/// <summary>The allocation-free NGTDM and NGLDM constructions over a neighbourhood of linear offsets.</summary>
internal static class NeighbourhoodKernels
{
    /// <summary>
    /// NGTDM: for each intensity-mask voxel k of grey level i in padded slices [z0, z1) whose
    /// neighbourhood holds W<sub>k</sub> &gt; 0 mask voxels, adds 1 to n<sub>i</sub> and
    /// |i − X̄<sub>k</sub>| to s<sub>i</sub>, X̄<sub>k</sub> the mean grey level of those neighbours.
    /// </summary>
    public static void ToneDifferences(PaddedRoi grid, ReadOnlySpan<int> offsets, int z0, int z1, Span<double> n, Span<double> s)
    {
        var grey = grid.Grey;
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

                    int sum = 0, size = 0;
                    foreach (var offset in offsets)
                    {
                        var h = grey[v + offset];
                        sum += h;
                        size += h > 0 ? 1 : 0;
                    }

                    if (size > 0)
                    {
                        n[g - 1]++;
                        s[g - 1] += Math.Abs(g - (sum / (double)size));
                    }
                }
            }
        }
    }

    /// <summary>
    /// NGLDM: for each intensity-mask voxel of grey level i in padded slices [z0, z1), counts its
    /// dependence j = 1 + the number of mask neighbours with |i − X<sub>m</sub>| ≤ α into
    /// <paramref name="counts"/> (N<sub>g</sub> × (offsets + 1), row-major, column j − 1).
    /// </summary>
    public static void Dependences(PaddedRoi grid, ReadOnlySpan<int> offsets, int coarseness, int z0, int z1, Span<int> counts)
    {
        var grey = grid.Grey;
        var pad = grid.Pad;
        var width = grid.Nx - 2 * pad;
        var columns = offsets.Length + 1;
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

                    var dependence = 1;
                    foreach (var offset in offsets)
                    {
                        // Branch-free (mispredicted branches dominated on noisy textures):
                        // a mask neighbour (h ≠ 0) with −α ≤ h − g ≤ α.
                        var h = grey[v + offset];
                        dependence += (h != 0 ? 1 : 0) & ((uint)(h - g + coarseness) <= (uint)(2 * coarseness) ? 1 : 0);
                    }

                    counts[((g - 1) * columns) + dependence - 1]++;
                }
            }
        }
    }
}
