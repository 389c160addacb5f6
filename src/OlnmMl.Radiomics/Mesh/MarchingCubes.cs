using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Mesh;

/// <summary>
/// Marching cubes on a binary mask at iso-level ½ (IBSI 1 §3.1.1) with the Lorensen–Cline case table: the
/// mask is padded with one layer of empty voxels and the table's holes on ambiguous faces are closed, so the
/// mesh is closed; vertices sit at the midpoints of the edges between inside and outside voxel centres.
/// </summary>
public static class MarchingCubes
{
    /// <summary>The mesh of the voxels where <paramref name="mask"/> is true.</summary>
    public static TriangleMesh Extract(ReadOnlySpan<bool> mask, GridSize size, Vec3 spacing)
    {
        int x0 = int.MaxValue, y0 = int.MaxValue, z0 = int.MaxValue, x1 = -1, y1 = -1, z1 = -1;
        for (var z = 0; z < size.Z; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                for (var x = 0; x < size.X; x++)
                {
                    if (mask[size.Index(x, y, z)])
                    {
                        (x0, x1, y0, y1, z0, z1) = (Math.Min(x0, x), Math.Max(x1, x), Math.Min(y0, y), Math.Max(y1, y), Math.Min(z0, z), Math.Max(z1, z));
                    }
                }
            }
        }

        var vertices = new List<(int, int, int)>();
        var triangles = new List<int>();
        var spacingTuple = (spacing.X, spacing.Y, spacing.Z);
        if (x1 < 0)
        {
            return new TriangleMesh([], [], spacingTuple);
        }

        var index = new Dictionary<long, int>();
        Span<int> edgeVertex = stackalloc int[12];
        for (var z = z0 - 1; z <= z1; z++)
        {
            for (var y = y0 - 1; y <= y1; y++)
            {
                for (var x = x0 - 1; x <= x1; x++)
                {
                    var pattern = 0;
                    for (var c = 0; c < 8; c++)
                    {
                        int u = x + (c & 1), v = y + (c >> 1 & 1), w = z + (c >> 2 & 1);
                        if ((uint)u < (uint)size.X && (uint)v < (uint)size.Y && (uint)w < (uint)size.Z && mask[size.Index(u, v, w)])
                        {
                            pattern |= 1 << c;
                        }
                    }

                    var cases = CubeCases.Triangles[pattern];
                    if (cases.Length == 0)
                    {
                        continue;
                    }

                    edgeVertex.Fill(-1);
                    foreach (var e in cases)
                    {
                        if (edgeVertex[e] < 0)
                        {
                            var (a, b) = CubeCases.Edges[e];
                            var lx = 2 * x + (a & 1) + (b & 1);
                            var ly = 2 * y + (a >> 1 & 1) + (b >> 1 & 1);
                            var lz = 2 * z + (a >> 2 & 1) + (b >> 2 & 1);
                            var key = ((long)(lx + 4) << 42) | ((long)(ly + 4) << 21) | (long)(lz + 4);
                            if (!index.TryGetValue(key, out var id))
                            {
                                id = vertices.Count;
                                vertices.Add((lx, ly, lz));
                                index[key] = id;
                            }

                            edgeVertex[e] = id;
                        }

                        triangles.Add(edgeVertex[e]);
                    }
                }
            }
        }

        FaceHoleFilling.Close(triangles, vertices);
        return new TriangleMesh([.. vertices], [.. triangles], spacingTuple);
    }
}
