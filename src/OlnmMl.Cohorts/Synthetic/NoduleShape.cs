namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// A lobulated nodule surface around the origin: r(d) = R · (1 + Σₖ aₖ cos(mₖ · ∠(d, uₖ))) for unit direction d,
/// with K = 4 lobes of random axis uₖ, order mₖ ∈ {2..5} and amplitude aₖ = 0.12 · lobulation · U(0.5, 1);
/// plus spicules: thin cones along random directions that start inside the surface and reach
/// R · U(0.4, 1.1) beyond it, base radius U(0.5, 1.0) mm tapering to 0. Count = round(12 · spiculation).
/// </summary>
internal sealed class NoduleShape
{
    private const int Lobes = 4;
    private readonly double[] _lobeAxes = new double[3 * Lobes];
    private readonly int[] _lobeOrder = new int[Lobes];
    private readonly double[] _lobeAmplitude = new double[Lobes];
    private readonly double[] _spicules; // per spicule: ux, uy, uz, start, end, base radius

    public NoduleShape(double radiusMm, double lobulation, double spiculation, CaseRandom random)
    {
        Radius = radiusMm;
        for (var k = 0; k < Lobes; k++)
        {
            var (x, y, z) = random.UnitVector();
            _lobeAxes[3 * k] = x;
            _lobeAxes[3 * k + 1] = y;
            _lobeAxes[3 * k + 2] = z;
            _lobeOrder[k] = 2 + random.NextInt(4);
            _lobeAmplitude[k] = 0.12 * lobulation * random.Uniform(0.5, 1);
        }

        var count = (int)Math.Round(12 * spiculation);
        _spicules = new double[6 * count];
        for (var s = 0; s < count; s++)
        {
            var (x, y, z) = random.UnitVector();
            _spicules[6 * s] = x;
            _spicules[6 * s + 1] = y;
            _spicules[6 * s + 2] = z;
            _spicules[6 * s + 3] = 0.7 * radiusMm;
            _spicules[6 * s + 4] = radiusMm * (1 + random.Uniform(0.4, 1.1) * (0.5 + 0.5 * spiculation));
            _spicules[6 * s + 5] = random.Uniform(0.5, 1.0);
        }
    }

    /// <summary>Nominal radius R (mm).</summary>
    public double Radius { get; }

    /// <summary>Largest radius the surface or a spicule can reach (mm): a bound for skipping far voxels.</summary>
    public double ReachMm => Math.Max(Radius * 1.5, _spicules.Length == 0 ? 0 : _spicules.Where((_, i) => i % 6 == 4).Max());

    /// <summary>Surface radius along the direction of (x, y, z) at distance <paramref name="length"/> &gt; 0.</summary>
    public double SurfaceRadius(double x, double y, double z, double length)
    {
        var scale = 1.0;
        for (var k = 0; k < Lobes; k++)
        {
            var cos = Math.Clamp((x * _lobeAxes[3 * k] + y * _lobeAxes[3 * k + 1] + z * _lobeAxes[3 * k + 2]) / length, -1, 1);
            scale += _lobeAmplitude[k] * Chebyshev(_lobeOrder[k], cos);
        }

        return Radius * scale;
    }

    /// <summary>cos(m·θ) from c = cos θ by the Chebyshev recurrence Tₙ₊₁ = 2c·Tₙ − Tₙ₋₁ (T₀ = 1, T₁ = c).</summary>
    private static double Chebyshev(int m, double c)
    {
        double previous = 1, current = c;
        for (var n = 1; n < m; n++)
        {
            (previous, current) = (current, 2 * c * current - previous);
        }

        return current;
    }

    /// <summary>Coverage in [0, 1] of the spicules at (x, y, z) (1 on a spicule axis, fading over 0.5 mm at its edge).</summary>
    public double Spicule(double x, double y, double z)
    {
        var best = 0.0;
        var squared = x * x + y * y + z * z;
        for (var s = 0; s < _spicules.Length; s += 6)
        {
            var t = x * _spicules[s] + y * _spicules[s + 1] + z * _spicules[s + 2];
            var start = _spicules[s + 3];
            var end = _spicules[s + 4];
            if (t < start || t > end)
            {
                continue;
            }

            var radius = _spicules[s + 5] * (end - t) / (end - start);
            var distance = Math.Sqrt(Math.Max(0, squared - t * t));
            best = Math.Max(best, Math.Clamp((radius - distance) / 0.5 + 0.5, 0, 1));
        }

        return best;
    }
}
