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
    /// Khachiyan's algorithm: with lifted points q = (p, 1), weights u and X = Σ u_j q_j q_jᵀ, the point of
    /// largest M_j = q_jᵀX⁻¹q_j gains weight (or, Todd–Yildirim away step, the weighted point of smallest M loses it) until every M ≤ 4(1 + 10⁻⁴) and every weighted M ≥ 4(1 − 10⁻⁴); X⁻¹ and every M_i are
    /// updated by Sherman–Morrison (O(n) per step). Then A = (P diag(u) Pᵀ − ccᵀ)⁻¹/3, scaled so that every
    /// point is enclosed, and the semi-axes are 1/√eig(A).
    /// </summary>
    public static double[] MinimumVolumeEnclosing(IReadOnlyList<(double X, double Y, double Z)> points)
    {
        var n = points.Count;
        var q = new double[n * 4];
        var mean = (X: points.Average(p => p.X), Y: points.Average(p => p.Y), Z: points.Average(p => p.Z));
        for (var j = 0; j < n; j++)
        {
            // Centred for conditioning; the ellipsoid's shape does not depend on the translation.
            (q[4 * j], q[4 * j + 1], q[4 * j + 2], q[4 * j + 3]) = (points[j].X - mean.X, points[j].Y - mean.Y, points[j].Z - mean.Z, 1);
        }

        var u = Enumerable.Repeat(1.0 / n, n).ToArray();
        var x = new double[16];
        for (var j = 0; j < n; j++)
        {
            for (var r = 0; r < 4; r++)
            {
                for (var s = 0; s < 4; s++)
                {
                    x[r * 4 + s] += u[j] * q[4 * j + r] * q[4 * j + s];
                }
            }
        }

        var inverse = Invert(x, 4);
        var m = new double[n];
        for (var j = 0; j < n; j++)
        {
            m[j] = QuadraticForm(inverse, q, j, j);
        }

        var w = new double[4];
        for (var iteration = 0; iteration < 100_000; iteration++)
        {
            // Todd–Yildirim: a forward step towards the point of largest M, or an away step from the
            // weighted point of smallest M, whichever violates optimality (M ≤ 4 everywhere, = 4 on the support) more.
            int best = 0, worst = -1;
            for (var j = 0; j < n; j++)
            {
                if (m[j] > m[best])
                {
                    best = j;
                }

                if (u[j] > 0 && (worst < 0 || m[j] < m[worst]))
                {
                    worst = j;
                }
            }

            var forward = m[best] / 4 - 1;
            var away = 1 - m[worst] / 4;
            if (Math.Max(forward, away) < 1e-4)
            {
                break;
            }

            var k = forward >= away ? best : worst;
            var step = forward >= away
                ? (m[best] - 4) / (4 * (m[best] - 1))
                : -Math.Min((4 - m[worst]) / (4 * (m[worst] - 1)), u[worst] / (1 - u[worst]));

            // X' = (1 − s)X + s q qᵀ ⇒ X'⁻¹ = [X⁻¹ − s w wᵀ/(1 − s + s M_k)]/(1 − s), w = X⁻¹q_k.
            for (var r = 0; r < 4; r++)
            {
                w[r] = inverse[r * 4] * q[4 * k] + inverse[r * 4 + 1] * q[4 * k + 1] + inverse[r * 4 + 2] * q[4 * k + 2] + inverse[r * 4 + 3] * q[4 * k + 3];
            }

            var denominator = 1 - step + step * m[k];
            for (var j = 0; j < n; j++)
            {
                var dot = w[0] * q[4 * j] + w[1] * q[4 * j + 1] + w[2] * q[4 * j + 2] + w[3] * q[4 * j + 3];
                m[j] = (m[j] - step * dot * dot / denominator) / (1 - step);
                u[j] *= 1 - step;
            }

            u[k] = Math.Max(0, u[k] + step);
            for (var r = 0; r < 4; r++)
            {
                for (var s = 0; s < 4; s++)
                {
                    inverse[r * 4 + s] = (inverse[r * 4 + s] - step * w[r] * w[s] / denominator) / (1 - step);
                }
            }
        }

        double cx = 0, cy = 0, cz = 0;
        for (var j = 0; j < n; j++)
        {
            cx += u[j] * q[4 * j];
            cy += u[j] * q[4 * j + 1];
            cz += u[j] * q[4 * j + 2];
        }

        var scatter = new double[9];
        double[] centre = [cx, cy, cz];
        for (var j = 0; j < n; j++)
        {
            for (var r = 0; r < 3; r++)
            {
                for (var s = 0; s < 3; s++)
                {
                    scatter[r * 3 + s] += u[j] * (q[4 * j + r] - centre[r]) * (q[4 * j + s] - centre[s]);
                }
            }
        }

        // Points satisfy (p − c)ᵀ A (p − c) ≤ (max M − 1)/3 with A = scatter⁻¹/3: scaling by that bound encloses them all.
        var enclose = Math.Max(1, (m.Max() - 1) / 3);
        return SymmetricEigen.Eigenvalues(scatter, 3).Select(l => Math.Sqrt(3 * enclose * Math.Max(0, l))).ToArray();
    }

    private static double QuadraticForm(double[] matrix, double[] q, int a, int b)
    {
        double sum = 0;
        for (var r = 0; r < 4; r++)
        {
            for (var s = 0; s < 4; s++)
            {
                sum += q[4 * a + r] * matrix[r * 4 + s] * q[4 * b + s];
            }
        }

        return sum;
    }

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
