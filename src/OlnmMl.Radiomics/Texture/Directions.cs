namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// The unit direction vectors of IBSI's default neighbourhood (Chebyshev distance 1), one of each
/// ± pair: the 4 in-plane directions of a 2D slice and the 13 directions of a volume.
/// </summary>
internal static class Directions
{
    /// <summary>In-plane (z = 0) directions: (1,0), (0,1), (1,1), (1,−1).</summary>
    public static readonly (int X, int Y, int Z)[] Planar = [(1, 0, 0), (0, 1, 0), (1, 1, 0), (1, -1, 0)];

    /// <summary>The 13 volume directions: the planar ones and the 9 with z = 1.</summary>
    public static readonly (int X, int Y, int Z)[] Volume =
    [
        (1, 0, 0), (0, 1, 0), (1, 1, 0), (1, -1, 0),
        (0, 0, 1), (1, 0, 1), (-1, 0, 1), (0, 1, 1), (0, -1, 1),
        (1, 1, 1), (1, -1, 1), (-1, 1, 1), (-1, -1, 1),
    ];

    /// <summary>
    /// Linear offsets of every voxel within Chebyshev distance <paramref name="distance"/> of the
    /// centre, centre excluded; in-plane only when <paramref name="planar"/>.
    /// </summary>
    public static int[] Neighbourhood(PaddedRoi grid, int distance, bool planar)
    {
        var offsets = new List<int>();
        var zRange = planar ? 0 : distance;
        for (var dz = -zRange; dz <= zRange; dz++)
        {
            for (var dy = -distance; dy <= distance; dy++)
            {
                for (var dx = -distance; dx <= distance; dx++)
                {
                    if (dx != 0 || dy != 0 || dz != 0)
                    {
                        offsets.Add(grid.Offset(dx, dy, dz));
                    }
                }
            }
        }

        return [.. offsets];
    }

    /// <summary>Linear offsets of the face (Manhattan) or face-edge-corner (Chebyshev) neighbours at distance 1.</summary>
    public static int[] Connectivity(PaddedRoi grid, ZoneConnectivity connectivity, bool planar)
    {
        if (connectivity == ZoneConnectivity.Chebyshev)
        {
            return Neighbourhood(grid, 1, planar);
        }

        int[] faces = [grid.Offset(1, 0, 0), grid.Offset(-1, 0, 0), grid.Offset(0, 1, 0), grid.Offset(0, -1, 0)];
        return planar ? faces : [.. faces, grid.Offset(0, 0, 1), grid.Offset(0, 0, -1)];
    }
}
