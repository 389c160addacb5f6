namespace OlnmMl.Evaluation.Calibration;

/// <summary>
/// Logistic recalibration on L = logit(p) (Cox 1958; Van Calster et al. 2016):
/// slope model logit P(y = 1) = a + b·L gives <see cref="Intercept"/> = a and <see cref="Slope"/> = b
/// (as rms::val.prob's "Intercept" and "Slope"); the offset model logit P(y = 1) = a′ + L gives
/// <see cref="CalibrationInTheLarge"/> = a′. Perfect calibration: a = 0, b = 1, a′ = 0.
/// Probabilities 0 and 1 are clamped to [1e-15, 1 − 1e-15] before the logit; NaN ones are dropped.
/// Fits are maximum likelihood by Newton–Raphson (converged when every step is below 1e-10);
/// no convergence (e.g. separation) or a single distinct p gives NaN with <see cref="UndefinedReason"/>.
/// </summary>
/// <param name="Intercept">a of the slope model.</param>
/// <param name="Slope">b of the slope model.</param>
/// <param name="SlopeStandardError">SE of b from the inverse observed information.</param>
/// <param name="CalibrationInTheLarge">a′ of the offset model.</param>
/// <param name="Cases">Cases used.</param>
/// <param name="ExcludedMissing">Cases dropped for a NaN probability.</param>
/// <param name="UndefinedReason">Why the slope model is NaN; null when both fits converged.</param>
public sealed record CalibrationFit(
    double Intercept,
    double Slope,
    double SlopeStandardError,
    double CalibrationInTheLarge,
    int Cases,
    int ExcludedMissing,
    string? UndefinedReason)
{
    private const double Clamp = 1e-15;
    private const int MaxIterations = 100;
    private const double Tolerance = 1e-10;

    /// <summary>Fits both recalibration models.</summary>
    /// <param name="probabilities">Predicted probability of the positive class per case, in [0, 1].</param>
    /// <param name="labels">One label per case: true = positive.</param>
    /// <exception cref="ArgumentException">Lengths differ or a probability is outside [0, 1].</exception>
    public static CalibrationFit Compute(ReadOnlySpan<double> probabilities, ReadOnlySpan<bool> labels)
    {
        CaseSet.RequireSameLength(probabilities.Length, labels.Length, nameof(probabilities));
        Probabilities.Require(probabilities, nameof(probabilities));
        var logits = new List<double>(probabilities.Length);
        var outcomes = new List<double>(probabilities.Length);
        for (int i = 0; i < probabilities.Length; i++)
        {
            double p = probabilities[i];
            if (double.IsNaN(p)) continue;
            p = Math.Clamp(p, Clamp, 1 - Clamp);
            logits.Add(Math.Log(p / (1 - p)));
            outcomes.Add(labels[i] ? 1 : 0);
        }

        int cases = logits.Count;
        int excluded = probabilities.Length - cases;
        double[] l = [.. logits];
        double[] y = [.. outcomes];
        double inTheLarge = FitOffset(l, y);
        var (a, b, seB) = FitSlope(l, y);
        string? reason = double.IsNaN(b) ? Undefined.NoCalibrationFit : null;
        return new CalibrationFit(a, b, seB, inTheLarge, cases, excluded, reason);
    }

    // Newton on a′ for logit μ = a′ + Lᵢ: a′ ← a′ + Σ(y − μ)/Σ μ(1 − μ).
    private static double FitOffset(double[] l, double[] y)
    {
        double a = 0;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double gradient = 0, information = 0;
            for (int i = 0; i < l.Length; i++)
            {
                double mu = Logistic(a + l[i]);
                gradient += y[i] - mu;
                information += mu * (1 - mu);
            }

            if (!(information > 0)) return double.NaN;
            double step = gradient / information;
            a += step;
            if (Math.Abs(step) < Tolerance) return a;
        }

        return double.NaN;
    }

    // Newton on (a, b) for logit μ = a + b·Lᵢ, starting at (0, 1); returns NaN when not converged or singular.
    private static (double A, double B, double SeB) FitSlope(double[] l, double[] y)
    {
        double a = 0, b = 1;
        for (int iteration = 0; iteration < MaxIterations; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            for (int i = 0; i < l.Length; i++)
            {
                double mu = Logistic(a + b * l[i]);
                double w = mu * (1 - mu);
                g0 += y[i] - mu;
                g1 += (y[i] - mu) * l[i];
                h00 += w;
                h01 += w * l[i];
                h11 += w * l[i] * l[i];
            }

            double determinant = h00 * h11 - h01 * h01;
            if (!(determinant > 1e-12 * Math.Max(1, h00 * h11))) return (double.NaN, double.NaN, double.NaN);
            double stepA = (h11 * g0 - h01 * g1) / determinant;
            double stepB = (h00 * g1 - h01 * g0) / determinant;
            a += stepA;
            b += stepB;
            if (Math.Abs(stepA) < Tolerance && Math.Abs(stepB) < Tolerance)
            {
                return (a, b, Math.Sqrt(h00 / determinant));
            }
        }

        return (double.NaN, double.NaN, double.NaN);
    }

    private static double Logistic(double x) => 1 / (1 + Math.Exp(-x));
}
