namespace OlnmMl.Radiomics.Mesh;

/// <summary>
/// Approximate oriented minimum bounding box of a convex point set: for every hull face normal n, the box
/// with one axis along n and, in the plane ⊥ n, the minimum-area rectangle of the projected points (one side
/// flush with an edge of their 2D hull, by rotating callipers); the smallest box over all normals wins.
/// Exact when an optimal box has a face flush with a hull face (O'Rourke's other case, two edge-flush
/// faces, is not searched).
/// </summary>
public static class OrientedBoundingBox
{
    /// <summary>Edge lengths (a, b, c) of the smallest box found for <paramref name="points"/> with candidate axes <paramref name="normals"/>.</summary>
    public static (double A, double B, double C) Fit(IReadOnlyList<(double X, double Y, double Z)> points, IEnumerable<(double X, double Y, double Z)> normals)
    {
        var best = (A: double.NaN, B: double.NaN, C: double.NaN);
        var bestVolume = double.PositiveInfinity;
        var seen = new HashSet<(long, long, long)>();
        var projected = new (double U, double V)[points.Count];
        foreach (var n in normals)
        {
            if (!seen.Add(((long)Math.Round(n.X * 1e6), (long)Math.Round(n.Y * 1e6), (long)Math.Round(n.Z * 1e6))))
            {
                continue;
            }

            var (u, v) = Basis(n);
            double lo = double.PositiveInfinity, hi = double.NegativeInfinity;
            for (var i = 0; i < points.Count; i++)
            {
                var p = points[i];
                var h = p.X * n.X + p.Y * n.Y + p.Z * n.Z;
                (lo, hi) = (Math.Min(lo, h), Math.Max(hi, h));
                projected[i] = (p.X * u.X + p.Y * u.Y + p.Z * u.Z, p.X * v.X + p.Y * v.Y + p.Z * v.Z);
            }

            var (width, height) = MinimumRectangle(Hull2D(projected));
            var volume = (hi - lo) * width * height;
            if (volume < bestVolume)
            {
                (bestVolume, best) = (volume, (hi - lo, width, height));
            }
        }

        return best;
    }

    private static ((double X, double Y, double Z), (double X, double Y, double Z)) Basis((double X, double Y, double Z) n)
    {
        var helper = Math.Abs(n.X) < 0.9 ? (X: 1.0, Y: 0.0, Z: 0.0) : (X: 0.0, Y: 1.0, Z: 0.0);
        var u = (X: n.Y * helper.Z - n.Z * helper.Y, Y: n.Z * helper.X - n.X * helper.Z, Z: n.X * helper.Y - n.Y * helper.X);
        var length = Math.Sqrt(u.X * u.X + u.Y * u.Y + u.Z * u.Z);
        u = (u.X / length, u.Y / length, u.Z / length);
        var v = (X: n.Y * u.Z - n.Z * u.Y, Y: n.Z * u.X - n.X * u.Z, Z: n.X * u.Y - n.Y * u.X);
        return (u, v);
    }

    // Andrew's monotone chain.
    private static List<(double U, double V)> Hull2D((double U, double V)[] points)
    {
        var sorted = points.OrderBy(p => p.U).ThenBy(p => p.V).ToArray();
        var hull = new List<(double U, double V)>(sorted.Length + 1);
        for (var pass = 0; pass < 2; pass++)
        {
            var start = hull.Count;
            foreach (var p in pass == 0 ? sorted : sorted.Reverse())
            {
                while (hull.Count >= start + 2 && Cross(hull[^2], hull[^1], p) <= 1e-12)
                {
                    hull.RemoveAt(hull.Count - 1);
                }

                hull.Add(p);
            }

            hull.RemoveAt(hull.Count - 1);
        }

        return hull;
    }

    private static double Cross((double U, double V) o, (double U, double V) a, (double U, double V) b) =>
        (a.U - o.U) * (b.V - o.V) - (a.V - o.V) * (b.U - o.U);

    private static (double Width, double Height) MinimumRectangle(List<(double U, double V)> hull)
    {
        var best = (Width: 0.0, Height: 0.0);
        var bestArea = double.PositiveInfinity;
        for (var i = 0; i < hull.Count; i++)
        {
            var (a, b) = (hull[i], hull[(i + 1) % hull.Count]);
            double eu = b.U - a.U, ev = b.V - a.V;
            var length = Math.Sqrt(eu * eu + ev * ev);
            if (length == 0)
            {
                continue;
            }

            (eu, ev) = (eu / length, ev / length);
            double minS = double.PositiveInfinity, maxS = double.NegativeInfinity, minT = double.PositiveInfinity, maxT = double.NegativeInfinity;
            foreach (var p in hull)
            {
                var s = p.U * eu + p.V * ev;
                var t = -p.U * ev + p.V * eu;
                (minS, maxS, minT, maxT) = (Math.Min(minS, s), Math.Max(maxS, s), Math.Min(minT, t), Math.Max(maxT, t));
            }

            var area = (maxS - minS) * (maxT - minT);
            if (area < bestArea)
            {
                (bestArea, best) = (area, (maxS - minS, maxT - minT));
            }
        }

        return best;
    }
}
