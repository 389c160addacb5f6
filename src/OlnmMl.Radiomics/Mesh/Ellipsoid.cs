namespace OlnmMl.Radiomics.Mesh;

/// <summary>Ellipsoid helpers: volume, surface area (IBSI's Legendre series) and the minimum-volume enclosing ellipsoid.</summary>
public static class Ellipsoid
{
    /// <summary>Volume 4π a b c / 3 of the ellipsoid with semi-axes a, b, c.</summary>
    public static double Volume(double a, double b, double c) => 4 * Math.PI * a * b * c / 3;

    /// <summary>
    /// Surface area for semi-axes a ≥ b ≥ c (IBSI 1 §3.1.19): A = 4π a b Σ_{ν=0}^{20} (αβ)^ν P_ν((α² + β²)/(2αβ)) / (1 − 4ν²),
    /// α = √(1 − b²/a²), β = √(1 − c²/a²), P_ν the Legendre polynomials. The products (αβ)^ν P_ν are
    /// accumulated by the recurrence Q_{ν+1} = ((2ν + 1)·(α² + β²)/2·Q_ν − ν (αβ)² Q_{ν−1})/(ν + 1), finite for a sphere.
    /// </summary>
    public static double SurfaceArea(double a, double b, double c)
    {
        var alpha = Math.Sqrt(Math.Max(0, 1 - b * b / (a * a)));
        var beta = Math.Sqrt(Math.Max(0, 1 - c * c / (a * a)));
        var half = (alpha * alpha + beta * beta) / 2;
        var t2 = alpha * alpha * beta * beta;
        double previous = 1, current = half; // Q_0, Q_1
        var sum = 1 + current / (1 - 4.0);
        for (var nu = 1; nu < 20; nu++)
        {
            var next = ((2 * nu + 1) * half * current - nu * t2 * previous) / (nu + 1);
            (previous, current) = (current, next);
            sum += current / (1 - 4.0 * (nu + 1) * (nu + 1));
        }

        return 4 * Math.PI * a * b * sum;
    }

    /// <summary>
    /// Semi-axes (descending) of the minimum-volume enclosing ellipsoid of <paramref name="points"/> by
    /// Khachiyan's algorithm (relative tolerance 1e-5): with Q = [P; 1] and weights u, the point of largest
    /// q_jᵀ(Q diag(u) Qᵀ)⁻¹q_j gains weight until the weights settle; A = (P diag(u) Pᵀ − ccᵀ)⁻¹/3 and the
    /// semi-axes are 1/√eig(A).
    /// </summary>
    public static double[] MinimumVolumeEnclosing(IReadOnlyList<(double X, double Y, double Z)> points)
    {
        var n = points.Count;
        var u = Enumerable.Repeat(1.0 / n, n).ToArray();
        var x = new double[16];
        for (var iteration = 0; iteration < 5000; iteration++)
        {
            Array.Clear(x);
            for (var j = 0; j < n; j++)
            {
                var q = Lift(points[j]);
                for (var r = 0; r < 4; r++)
                {
                    for (var s = 0; s < 4; s++)
                    {
                        x[r * 4 + s] += u[j] * q[r] * q[s];
                    }
                }
            }

            var inverse = Invert(x, 4);
            var (best, bestValue) = (0, double.MinValue);
            for (var j = 0; j < n; j++)
            {
                var q = Lift(points[j]);
                double m = 0;
                for (var r = 0; r < 4; r++)
                {
                    for (var s = 0; s < 4; s++)
                    {
                        m += q[r] * inverse[r * 4 + s] * q[s];
                    }
                }

                if (m > bestValue)
                {
                    (best, bestValue) = (j, m);
                }
            }

            var step = (bestValue - 4) / (4 * (bestValue - 1));
            for (var j = 0; j < n; j++)
            {
                u[j] *= 1 - step;
            }

            u[best] += step;
            if (step < 1e-5)
            {
                break;
            }
        }

        double cx = 0, cy = 0, cz = 0;
        for (var j = 0; j < n; j++)
        {
            cx += u[j] * points[j].X;
            cy += u[j] * points[j].Y;
            cz += u[j] * points[j].Z;
        }

        var scatter = new double[9];
        for (var j = 0; j < n; j++)
        {
            double[] d = [points[j].X, points[j].Y, points[j].Z];
            for (var r = 0; r < 3; r++)
            {
                for (var s = 0; s < 3; s++)
                {
                    scatter[r * 3 + s] += u[j] * d[r] * d[s];
                }
            }
        }

        double[] centre = [cx, cy, cz];
        for (var r = 0; r < 3; r++)
        {
            for (var s = 0; s < 3; s++)
            {
                scatter[r * 3 + s] -= centre[r] * centre[s];
            }
        }

        // A = scatter⁻¹/3, so eig(A) = 1/(3·eig(scatter)) and the semi-axes are √(3·eig(scatter)).
        return SymmetricEigen.Eigenvalues(scatter, 3).Select(l => Math.Sqrt(3 * Math.Max(0, l))).ToArray();
    }

    private static double[] Lift((double X, double Y, double Z) p) => [p.X, p.Y, p.Z, 1];

    private static double[] Invert(double[] matrix, int n)
    {
        var a = (double[])matrix.Clone();
        var inverse = new double[n * n];
        for (var i = 0; i < n; i++)
        {
            inverse[i * n + i] = 1;
        }

        for (var col = 0; col < n; col++)
        {
            var pivot = col;
            for (var r = col + 1; r < n; r++)
            {
                if (Math.Abs(a[r * n + col]) > Math.Abs(a[pivot * n + col]))
                {
                    pivot = r;
                }
            }

            for (var k = 0; k < n; k++)
            {
                (a[col * n + k], a[pivot * n + k]) = (a[pivot * n + k], a[col * n + k]);
                (inverse[col * n + k], inverse[pivot * n + k]) = (inverse[pivot * n + k], inverse[col * n + k]);
            }

            var scale = 1 / a[col * n + col];
            for (var k = 0; k < n; k++)
            {
                a[col * n + k] *= scale;
                inverse[col * n + k] *= scale;
            }

            for (var r = 0; r < n; r++)
            {
                if (r == col)
                {
                    continue;
                }

                var factor = a[r * n + col];
                for (var k = 0; k < n; k++)
                {
                    a[r * n + k] -= factor * a[col * n + k];
                    inverse[r * n + k] -= factor * inverse[col * n + k];
                }
            }
        }

        return inverse;
    }
}
