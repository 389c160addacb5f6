using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Tests;

/// <summary>Standard global-optimisation benchmarks with their published minima.</summary>
internal static class TestFunctions
{
    /// <summary>Branin on x1 ∈ [−5, 10], x2 ∈ [0, 15]; global minimum 0.397887 (Dixon &amp; Szegő 1978).</summary>
    public const double BraninMinimum = 0.397887;

    /// <summary>Hartmann-6 on [0, 1]⁶; global minimum −3.32237 (Dixon &amp; Szegő 1978).</summary>
    public const double Hartmann6Minimum = -3.32237;

    public static SearchSpace BraninSpace { get; } = new([new FloatParameter("x1", -5, 10), new FloatParameter("x2", 0, 15)]);

    public static SearchSpace Hartmann6Space { get; } = new(Enumerable.Range(1, 6).Select(i => (Parameter)new FloatParameter($"x{i}", 0, 1)));

    public static double Branin(ParameterSet p)
    {
        double x1 = p.GetDouble("x1"), x2 = p.GetDouble("x2");
        const double b = 5.1 / (4 * Math.PI * Math.PI), c = 5 / Math.PI, t = 1 / (8 * Math.PI);
        var a = x2 - (b * x1 * x1) + (c * x1) - 6;
        return (a * a) + (10 * (1 - t) * Math.Cos(x1)) + 10;
    }

    public static double Hartmann6(ParameterSet p)
    {
        double[] alpha = [1.0, 1.2, 3.0, 3.2];
        double[,] a =
        {
            { 10, 3, 17, 3.5, 1.7, 8 }, { 0.05, 10, 17, 0.1, 8, 14 }, { 3, 3.5, 1.7, 10, 17, 8 }, { 17, 8, 0.05, 10, 0.1, 14 },
        };
        double[,] pm =
        {
            { 0.1312, 0.1696, 0.5569, 0.0124, 0.8283, 0.5886 }, { 0.2329, 0.4135, 0.8307, 0.3736, 0.1004, 0.9991 },
            { 0.2348, 0.1451, 0.3522, 0.2883, 0.3047, 0.6650 }, { 0.4047, 0.8828, 0.8732, 0.5743, 0.1091, 0.0381 },
        };
        var sum = 0.0;
        for (var i = 0; i < 4; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < 6; j++)
            {
                var d = p.GetDouble($"x{j + 1}") - pm[i, j];
                inner += a[i, j] * d * d;
            }

            sum += alpha[i] * Math.Exp(-inner);
        }

        return -sum;
    }
}
