namespace OlnmMl.Evaluation.Clinical;

/// <summary>Axis ticks at multiples of a "nice" step 1, 2 or 5 × 10^k, about <c>target</c> of them over [min, max].</summary>
internal static class NiceTicks
{
    /// <summary>The multiples of the step inside [<paramref name="min"/>, <paramref name="max"/>] (with a 10⁻⁹ step slack).</summary>
    public static double[] Between(double min, double max, int target = 5)
    {
        if (!(max > min)) return [min];
        var raw = (max - min) / target;
        var magnitude = Math.Pow(10, Math.Floor(Math.Log10(raw)));
        var step = new[] { 1.0, 2, 5, 10 }.Select(m => m * magnitude).First(s => s >= raw);
        var first = Math.Ceiling(min / step - 1e-9);
        var last = Math.Floor(max / step + 1e-9);
        return [.. Enumerable.Range(0, (int)(last - first) + 1).Select(k => Math.Round((first + k) * step, 10))];
    }
}
