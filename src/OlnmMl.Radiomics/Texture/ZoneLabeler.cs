using System.Buffers;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Finds zones — maximal connected groups of intensity-mask voxels sharing one grey level — by
/// flood fill with a pooled stack: the allocation-free part of GLSZM and GLDZM construction.
/// </summary>
internal static class ZoneLabeler
{
    /// <summary>
    /// Labels every zone of <paramref name="grid"/>; with <paramref name="planar"/> zones are linked
    /// within each axial slice only. When <paramref name="distanceMap"/> is not empty, each zone
    /// records the minimum distance of its voxels.
    /// </summary>
    public static ZoneList Label(PaddedRoi grid, bool planar, ZoneConnectivity connectivity, ReadOnlySpan<int> distanceMap)
    {
        var neighbours = Directions.Connectivity(grid, connectivity, planar);
        var grey = grid.Grey;
        var zones = new ZoneList(grid.VoxelCount, grid.Nz);
        var visited = ArrayPool<bool>.Shared.Rent(grid.Length);
        var stack = ArrayPool<int>.Shared.Rent(Math.Max(1, grid.VoxelCount));
        try
        {
            Array.Clear(visited, 0, grid.Length);
            var pad = grid.Pad;
            var width = grid.Nx - 2 * pad;
            for (var z = 0; z < grid.Nz; z++)
            {
                zones.SliceStarts[z] = zones.Count;
                if (z < pad || z >= grid.Nz - pad)
                {
                    continue;
                }

                for (var y = pad; y < grid.Ny - pad; y++)
                {
                    var row = grid.Index(pad, y, z);
                    for (var v = row; v < row + width; v++)
                    {
                        if (grey[v] != 0 && !visited[v])
                        {
                            Fill(grey, v, neighbours, visited, stack, distanceMap, zones);
                        }
                    }
                }
            }

            zones.SliceStarts[grid.Nz] = zones.Count;
            return zones;
        }
        catch
        {
            zones.Dispose();
            throw;
        }
        finally
        {
            ArrayPool<bool>.Shared.Return(visited);
            ArrayPool<int>.Shared.Return(stack);
        }
    }

    private static void Fill(
        ReadOnlySpan<int> grey, int seed, int[] neighbours, bool[] visited, int[] stack, ReadOnlySpan<int> distanceMap, ZoneList zones)
    {
        var level = grey[seed];
        var top = 0;
        stack[top++] = seed;
        visited[seed] = true;
        var size = 0;
        var distance = int.MaxValue;
        while (top > 0)
        {
            var v = stack[--top];
            size++;
            if (!distanceMap.IsEmpty)
            {
                distance = Math.Min(distance, distanceMap[v]);
            }

            foreach (var offset in neighbours)
            {
                var w = v + offset;
                if (grey[w] == level && !visited[w])
                {
                    visited[w] = true;
                    stack[top++] = w;
                }
            }
        }

        zones.Add(level, size, distanceMap.IsEmpty ? 0 : distance);
    }
}
