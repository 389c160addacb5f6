namespace OlnmMl.Torch.Mil;

/// <summary>
/// Binary logistic regression by full-batch gradient descent, deterministic and dependency-free, for the few
/// histogram features of <see cref="HistogramClassifier"/>: minimises
/// L(w, b) = (1/B) Σᵢ [−yᵢ ln σ(zᵢ) − (1 − yᵢ) ln(1 − σ(zᵢ))] + (λ/2)‖w‖², zᵢ = wᵀxᵢ + b.
/// With ‖xᵢ‖ ≤ 1 the gradient is (½ + λ)-Lipschitz, so the fixed step 1 converges (any step below 2/(½ + λ) does).
/// </summary>
internal static class LogisticRegression
{
    private const int Iterations = 5000;
    private const double Step = 1.0;

    /// <summary>The fitted (w, b) for rows <paramref name="x"/> (each of norm ≤ 1) and labels <paramref name="y"/>.</summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<double[]> x, IReadOnlyList<bool> y, double l2)
    {
        int width = x[0].Length;
        var w = new double[width];
        double b = 0;
        var gradient = new double[width];
        for (int iteration = 0; iteration < Iterations; iteration++)
        {
            Array.Clear(gradient);
            double biasGradient = 0;
            for (int i = 0; i < x.Count; i++)
            {
                double z = b;
                for (int k = 0; k < width; k++)
                {
                    z += w[k] * x[i][k];
                }
                double residual = 1 / (1 + Math.Exp(-z)) - (y[i] ? 1 : 0);
                for (int k = 0; k < width; k++)
                {
                    gradient[k] += residual * x[i][k];
                }
                biasGradient += residual;
            }
            for (int k = 0; k < width; k++)
            {
                w[k] -= Step * (gradient[k] / x.Count + l2 * w[k]);
            }
            b -= Step * biasGradient / x.Count;
        }
        return (w, b);
    }
}
