using OlnmMl.Evaluation.Distributions;

namespace OlnmMl.Evaluation.Thresholds;

/// <summary>
/// A binomial proportion k/n with its Wilson score interval:
/// (p̂ + z²/(2n) ± z·√(p̂(1 − p̂)/n + z²/(4n²))) / (1 + z²/n), z = Φ⁻¹((1 + level)/2).
/// n = 0 gives NaN estimate and limits.
/// </summary>
/// <param name="Successes">k.</param>
/// <param name="Trials">n.</param>
/// <param name="Estimate">k/n.</param>
/// <param name="CiLower">Wilson lower limit.</param>
/// <param name="CiUpper">Wilson upper limit.</param>
public sealed record Proportion(int Successes, int Trials, double Estimate, double CiLower, double CiUpper)
{
    /// <summary>k/n with its Wilson interval at <paramref name="confidenceLevel"/>.</summary>
    /// <param name="successes">k, 0 ≤ k ≤ n.</param>
    /// <param name="trials">n ≥ 0.</param>
    /// <param name="confidenceLevel">Level in (0, 1), default 0.95.</param>
    /// <exception cref="ArgumentOutOfRangeException">When k or n are out of range.</exception>
    public static Proportion Wilson(int successes, int trials, double confidenceLevel = 0.95)
    {
        if (trials < 0 || successes < 0 || successes > trials)
        {
            throw new ArgumentOutOfRangeException(nameof(successes), $"Wilson interval: need 0 ≤ successes ≤ trials, got {successes} of {trials}.");
        }

        if (!(confidenceLevel > 0 && confidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(confidenceLevel), confidenceLevel, "Confidence level must lie strictly between 0 and 1.");
        }

        if (trials == 0) return new Proportion(0, 0, double.NaN, double.NaN, double.NaN);
        double z = Normal.Quantile(0.5 + confidenceLevel / 2);
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = p + z2 / (2 * n);
        double half = z * Math.Sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        double denominator = 1 + z2 / n;
        return new Proportion(successes, trials, p, Math.Max(0, (centre - half) / denominator), Math.Min(1, (centre + half) / denominator));
    }
}
