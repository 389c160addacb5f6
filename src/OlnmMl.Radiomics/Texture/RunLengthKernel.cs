namespace OlnmMl.Radiomics.Texture;

/// <summary>Counts grey level runs: the allocation-free GLRLM construction.</summary>
internal static class RunLengthKernel
{
    /// <summary>Longest possible run: the largest extent of the ROI's bounding box.</summary>
    public static int MaxRunLength(PaddedRoi grid) =>
        Math.Max(1, Math.Max(grid.Nx, Math.Max(grid.Ny, grid.Nz)) - 2 * grid.Pad);

    /// <summary>
    /// Adds to <paramref name="counts"/> (N<sub>g</sub> × <paramref name="maxRun"/>, row-major) every
    /// run along <paramref name="direction"/> that starts in padded slices [<paramref name="z0"/>,
    /// <paramref name="z1"/>): a maximal line of equal grey level inside the intensity mask; element
    /// (i, j) counts runs of grey level i and length j.
    /// </summary>
    public static void Count(PaddedRoi grid, (int X, int Y, int Z) direction, int maxRun, int z0, int z1, Span<int> counts)
    {
        var grey = grid.Grey;
        var offset = grid.Offset(direction.X, direction.Y, direction.Z);
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
                    if (g == 0 || grey[v - offset] == g)
                    {
                        continue;
                    }

                    var length = 1;
                    for (var w = v + offset; grey[w] == g; w += offset)
                    {
                        length++;
                    }

                    counts[((g - 1) * maxRun) + length - 1]++;
                }
            }
        }
    }
}
