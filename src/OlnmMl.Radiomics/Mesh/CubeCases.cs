namespace OlnmMl.Radiomics.Mesh;

/// <summary>
/// The Lorensen–Cline (1987) marching-cubes case table, derived rather than transcribed. A pattern with at
/// most four inside corners is triangulated directly: every cube face contributes iso-segments between its
/// crossed edges (on an ambiguous face, the segments cut off the two inside corners, as in the paper's
/// canonical configurations, which never join diagonal inside corners); the segments chain into loops that
/// are oriented with the inside-to-outside direction and fan-triangulated from the apex that encloses the
/// most volume. A pattern with more than four inside corners takes its complement's triangles with reversed
/// orientation (the paper's complementary symmetry). Corner c sits at (c&amp;1, c&gt;&gt;1&amp;1, c&gt;&gt;2&amp;1).
/// </summary>
internal static class CubeCases
{
    private static readonly int[][] Faces =
    [
        [0, 2, 6, 4], [1, 5, 7, 3], // x = 0, x = 1
        [0, 4, 5, 1], [2, 3, 7, 6], // y = 0, y = 1
        [0, 1, 3, 2], [4, 6, 7, 5], // z = 0, z = 1
    ];

    /// <summary>The 12 edges as corner pairs.</summary>
    public static readonly (int A, int B)[] Edges = BuildEdges();

    /// <summary>Triangles (edge-index triples, outward orientation) per case.</summary>
    public static readonly int[][] Triangles = Enumerable.Range(0, 256).Select(BuildCase).ToArray();

    private static (int, int)[] BuildEdges()
    {
        var edges = new List<(int, int)>();
        for (var a = 0; a < 8; a++)
        {
            for (var bit = 1; bit < 8; bit <<= 1)
            {
                if ((a & bit) == 0)
                {
                    edges.Add((a, a | bit));
                }
            }
        }

        return [.. edges];
    }

    private static int EdgeOf(int a, int b) => Array.FindIndex(Edges, e => (e.A == a && e.B == b) || (e.A == b && e.B == a));

    private static int[] BuildCase(int pattern)
    {
        if (System.Numerics.BitOperations.PopCount((uint)pattern) <= 4)
        {
            return BuildMinorityCase(pattern);
        }

        var triangles = BuildMinorityCase(~pattern & 255);
        for (var t = 0; t < triangles.Length; t += 3)
        {
            (triangles[t + 1], triangles[t + 2]) = (triangles[t + 2], triangles[t + 1]);
        }

        return triangles;
    }

    private static int[] BuildMinorityCase(int pattern)
    {
        bool Inside(int corner) => (pattern >> corner & 1) == 1;
        var links = new List<int>[12];
        for (var e = 0; e < 12; e++)
        {
            links[e] = [];
        }

        foreach (var face in Faces)
        {
            var crossed = new List<int>();
            for (var k = 0; k < 4; k++)
            {
                int a = face[k], b = face[(k + 1) % 4];
                if (Inside(a) != Inside(b))
                {
                    crossed.Add(EdgeOf(a, b));
                }
            }

            if (crossed.Count == 2)
            {
                Link(links, crossed[0], crossed[1]);
            }
            else if (crossed.Count == 4)
            {
                for (var k = 0; k < 4; k++)
                {
                    if (Inside(face[k]))
                    {
                        Link(links, EdgeOf(face[(k + 3) % 4], face[k]), EdgeOf(face[k], face[(k + 1) % 4]));
                    }
                }
            }
        }

        var triangles = new List<int>();
        var used = new bool[12];
        for (var start = 0; start < 12; start++)
        {
            if (used[start] || links[start].Count == 0)
            {
                continue;
            }

            var loop = new List<int> { start };
            used[start] = true;
            var previous = -1;
            var current = start;
            while (true)
            {
                var next = links[current][0] != previous ? links[current][0] : links[current][1];
                if (next == start)
                {
                    break;
                }

                loop.Add(next);
                used[next] = true;
                (previous, current) = (current, next);
            }

            Orient(loop, Inside);
            var start0 = WidestFanStart(loop);
            for (var k = 1; k + 1 < loop.Count; k++)
            {
                triangles.AddRange([loop[start0], loop[(start0 + k) % loop.Count], loop[(start0 + k + 1) % loop.Count]]);
            }
        }

        return [.. triangles];
    }

    private static void Link(List<int>[] links, int e, int f)
    {
        links[e].Add(f);
        links[f].Add(e);
    }

    private static void Orient(List<int> loop, Func<int, bool> inside)
    {
        double nx = 0, ny = 0, nz = 0, dx = 0, dy = 0, dz = 0;
        for (var k = 0; k < loop.Count; k++)
        {
            var p = Mid(loop[k]);
            var q = Mid(loop[(k + 1) % loop.Count]);
            nx += (p.Y - q.Y) * (p.Z + q.Z);
            ny += (p.Z - q.Z) * (p.X + q.X);
            nz += (p.X - q.X) * (p.Y + q.Y);
            var (a, b) = Edges[loop[k]];
            var (i, o) = inside(a) ? (Corner(a), Corner(b)) : (Corner(b), Corner(a));
            dx += o.X - i.X;
            dy += o.Y - i.Y;
            dz += o.Z - i.Z;
        }

        if (nx * dx + ny * dy + nz * dz < 0)
        {
            loop.Reverse();
        }
    }
    // The fan apex whose triangulation of the (non-planar) loop encloses the most volume; triangulations
    // differ by closed surfaces, so comparing signed volumes about any fixed point is meaningful.
    private static int WidestFanStart(List<int> loop)
    {
        var (best, bestVolume) = (0, double.MinValue);
        for (var s = 0; s < loop.Count; s++)
        {
            double volume = 0;
            var a = Mid(loop[s]);
            for (var k = 1; k + 1 < loop.Count; k++)
            {
                var b = Mid(loop[(s + k) % loop.Count]);
                var c = Mid(loop[(s + k + 1) % loop.Count]);
                volume += a.X * (b.Y * c.Z - b.Z * c.Y) - a.Y * (b.X * c.Z - b.Z * c.X) + a.Z * (b.X * c.Y - b.Y * c.X);
            }

            if (volume > bestVolume + 1e-12)
            {
                (best, bestVolume) = (s, volume);
            }
        }

        return best;
    }

    private static (double X, double Y, double Z) Corner(int c) => (c & 1, c >> 1 & 1, c >> 2 & 1);

    private static (double X, double Y, double Z) Mid(int e)
    {
        var (a, b) = (Corner(Edges[e].A), Corner(Edges[e].B));
        return ((a.X + b.X) / 2, (a.Y + b.Y) / 2, (a.Z + b.Z) / 2);
    }
}
