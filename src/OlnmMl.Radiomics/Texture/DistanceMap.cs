using System.Buffers;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Distance of each ROI voxel to the ROI edge for GLDZM (IBSI 3.9): the Manhattan distance to the
/// nearest voxel outside the morphological mask, so 1 for voxels on the edge — what iterative
/// 6-connected (3D) or 4-connected (2D, within each slice) erosion yields. Computed exactly by two
/// raster passes (forward then backward) of the city-block distance transform.
/// </summary>
internal static class DistanceMap
{
    /// <summary>
    /// Rents and fills a map over the padded grid (0 outside the mask); return it to
    /// <see cref="ArrayPool{T}.Shared"/> after use. Voxels of the intensity mask count as inside.
    /// </summary>
    public static int[] Compute(PaddedRoi grid, bool planar)
    {
        var map = ArrayPool<int>.Shared.Rent(grid.Length);
        var grey = grid.Grey;
        var morphology = grid.Morphology;
        var far = int.MaxValue / 2;
        for (var v = 0; v < grid.Length; v++)
        {
            map[v] = morphology[v] != 0 || grey[v] != 0 ? far : 0;
        }

        var dy = grid.Nx;
        var dz = planar ? 0 : grid.StrideZ;
        var pad = grid.Pad;
        for (var z = pad; z < grid.Nz - pad; z++)
        {
            for (var y = pad; y < grid.Ny - pad; y++)
            {
                var row = grid.Index(0, y, z);
                for (var x = pad; x < grid.Nx - pad; x++)
                {
                    var v = row + x;
                    if (map[v] != 0)
                    {
                        var d = Math.Min(map[v - 1], map[v - dy]);
                        map[v] = Math.Min(map[v], 1 + (dz == 0 ? d : Math.Min(d, map[v - dz])));
                    }
                }
            }
        }

        for (var z = grid.Nz - pad - 1; z >= pad; z--)
        {
            for (var y = grid.Ny - pad - 1; y >= pad; y--)
            {
                var row = grid.Index(0, y, z);
                for (var x = grid.Nx - pad - 1; x >= pad; x--)
                {
                    var v = row + x;
                    if (map[v] != 0)
                    {
                        var d = Math.Min(map[v + 1], map[v + dy]);
                        map[v] = Math.Min(map[v], 1 + (dz == 0 ? d : Math.Min(d, map[v + dz])));
                    }
                }
            }
        }

        return map;
    }
}
