namespace OlnmMl.Radiomics.Mesh;

/// <summary>
/// 3D convex hull of integer lattice points by incremental insertion with exact 64-bit orientation tests
/// (a point is added only when strictly beyond some face, so coplanar lattice points never break it).
/// Volume and area are evaluated after scaling the lattice by a positive per-axis factor, which maps
/// hulls onto hulls.
/// </summary>
public sealed class ConvexHull
{
    private readonly (long X, long Y, long Z)[] _points;
    private readonly List<(int A, int B, int C)> _faces = [];

    private ConvexHull((long X, long Y, long Z)[] points) => _points = points;

    /// <summary>Unit outward normals of the hull faces after scaling the lattice by (sx, sy, sz).</summary>
    public IEnumerable<(double X, double Y, double Z)> FaceNormals(double sx, double sy, double sz)
    {
        foreach (var (a, b, c) in _faces)
        {
            var (p, q, r) = (Scale(a, sx, sy, sz), Scale(b, sx, sy, sz), Scale(c, sx, sy, sz));
            double ux = q.X - p.X, uy = q.Y - p.Y, uz = q.Z - p.Z, vx = r.X - p.X, vy = r.Y - p.Y, vz = r.Z - p.Z;
            double nx = uy * vz - uz * vy, ny = uz * vx - ux * vz, nz = ux * vy - uy * vx;
            var length = Math.Sqrt(nx * nx + ny * ny + nz * nz);
            yield return (nx / length, ny / length, nz / length);
        }
    }

    /// <summary>Indices of the points that are hull vertices.</summary>
    public IEnumerable<int> VertexIndices => _faces.SelectMany(f => new[] { f.A, f.B, f.C }).Distinct();

    /// <summary>Builds the hull, or returns null when all points are coplanar (no volume).</summary>
    public static ConvexHull? Build(IReadOnlyList<(int X, int Y, int Z)> lattice)
    {
        var points = Candidates(lattice).Select(p => ((long)p.X, (long)p.Y, (long)p.Z)).ToArray();
        var hull = new ConvexHull(points);
        return hull.Initialise() ? hull.InsertAll() : null;
    }

    /// <summary>Volume Σ_f a·(b × c)/6 after scaling the lattice by (sx, sy, sz).</summary>
    public double Volume(double sx, double sy, double sz)
    {
        double volume = 0;
        foreach (var (a, b, c) in _faces)
        {
            var (p, q, r) = (Scale(a, sx, sy, sz), Scale(b, sx, sy, sz), Scale(c, sx, sy, sz));
            volume += p.X * (q.Y * r.Z - q.Z * r.Y) - p.Y * (q.X * r.Z - q.Z * r.X) + p.Z * (q.X * r.Y - q.Y * r.X);
        }

        return volume / 6;
    }

    /// <summary>Surface area Σ_f |(b − a) × (c − a)|/2 after scaling the lattice by (sx, sy, sz).</summary>
    public double Area(double sx, double sy, double sz)
    {
        double area = 0;
        foreach (var (a, b, c) in _faces)
        {
            var (p, q, r) = (Scale(a, sx, sy, sz), Scale(b, sx, sy, sz), Scale(c, sx, sy, sz));
            double ux = q.X - p.X, uy = q.Y - p.Y, uz = q.Z - p.Z, vx = r.X - p.X, vy = r.Y - p.Y, vz = r.Z - p.Z;
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            area += Math.Sqrt(cx * cx + cy * cy + cz * cz);
        }

        return area / 2;
    }

    /// <summary>Point <paramref name="i"/> scaled by (sx, sy, sz).</summary>
    public (double X, double Y, double Z) Scale(int i, double sx, double sy, double sz) =>
        (_points[i].X * sx, _points[i].Y * sy, _points[i].Z * sz);

    // Only the two ends of each lattice row along x can be hull vertices; the rest lie on a segment between them.
    private static IEnumerable<(int X, int Y, int Z)> Candidates(IReadOnlyList<(int X, int Y, int Z)> lattice)
    {
        var rows = new Dictionary<(int, int), (int Min, int Max)>();
        foreach (var (x, y, z) in lattice)
        {
            rows[(y, z)] = rows.TryGetValue((y, z), out var r) ? (Math.Min(r.Min, x), Math.Max(r.Max, x)) : (x, x);
        }

        foreach (var ((y, z), (min, max)) in rows)
        {
            yield return (min, y, z);
            if (max != min)
            {
                yield return (max, y, z);
            }
        }
    }

    private long Orientation(int a, int b, int c, int p)
    {
        var (pa, pb, pc, pp) = (_points[a], _points[b], _points[c], _points[p]);
        long ux = pb.X - pa.X, uy = pb.Y - pa.Y, uz = pb.Z - pa.Z;
        long vx = pc.X - pa.X, vy = pc.Y - pa.Y, vz = pc.Z - pa.Z;
        long wx = pp.X - pa.X, wy = pp.Y - pa.Y, wz = pp.Z - pa.Z;
        return wx * (uy * vz - uz * vy) + wy * (uz * vx - ux * vz) + wz * (ux * vy - uy * vx);
    }

    private bool Initialise()
    {
        if (_points.Length < 4)
        {
            return false;
        }

        var (a, b) = (0, -1);
        for (var i = 1; i < _points.Length && b < 0; i++)
        {
            if (_points[i] != _points[a])
            {
                b = i;
            }
        }

        var c = -1;
        for (var i = 0; i < _points.Length && c < 0 && b >= 0; i++)
        {
            var (pa, pb, pi) = (_points[a], _points[b], _points[i]);
            long ux = pb.X - pa.X, uy = pb.Y - pa.Y, uz = pb.Z - pa.Z, vx = pi.X - pa.X, vy = pi.Y - pa.Y, vz = pi.Z - pa.Z;
            if (uy * vz - uz * vy != 0 || uz * vx - ux * vz != 0 || ux * vy - uy * vx != 0)
            {
                c = i;
            }
        }

        var d = -1;
        for (var i = 0; i < _points.Length && d < 0 && c >= 0; i++)
        {
            if (Orientation(a, b, c, i) != 0)
            {
                d = i;
            }
        }

        if (d < 0)
        {
            return false;
        }

        if (Orientation(a, b, c, d) > 0)
        {
            (b, c) = (c, b);
        }

        _faces.AddRange([(a, b, c), (a, d, b), (b, d, c), (c, d, a)]);
        return true;
    }

    private ConvexHull InsertAll()
    {
        var visible = new List<int>();
        var horizon = new List<(int, int)>();
        for (var p = 0; p < _points.Length; p++)
        {
            visible.Clear();
            for (var f = 0; f < _faces.Count; f++)
            {
                var (a, b, c) = _faces[f];
                if (Orientation(a, b, c, p) > 0)
                {
                    visible.Add(f);
                }
            }

            if (visible.Count == 0)
            {
                continue;
            }

            var visibleEdges = new HashSet<(int, int)>();
            foreach (var f in visible)
            {
                var (a, b, c) = _faces[f];
                visibleEdges.Add((a, b));
                visibleEdges.Add((b, c));
                visibleEdges.Add((c, a));
            }

            horizon.Clear();
            foreach (var edge in visibleEdges)
            {
                if (!visibleEdges.Contains((edge.Item2, edge.Item1)))
                {
                    horizon.Add(edge);
                }
            }

            for (var k = visible.Count - 1; k >= 0; k--)
            {
                var last = _faces.Count - 1;
                _faces[visible[k]] = _faces[last];
                _faces.RemoveAt(last);
            }

            foreach (var (a, b) in horizon)
            {
                _faces.Add((a, b, p));
            }
        }

        return this;
    }
}
