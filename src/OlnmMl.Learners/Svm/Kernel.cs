namespace OlnmMl.Learners.Svm;

/// <summary>A kernel function with resolved parameters; evaluates k(x, z) on dense rows.</summary>
/// <param name="Type">The kernel family.</param>
/// <param name="Gamma">γ (unused for <see cref="KernelType.Linear"/>).</param>
/// <param name="Degree">Polynomial degree.</param>
/// <param name="Coef0">Additive constant of the polynomial and sigmoid kernels.</param>
public sealed record Kernel(KernelType Type, double Gamma, int Degree, double Coef0)
{
    /// <summary>k(x, z) for rows of equal length.</summary>
    public double Evaluate(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        switch (Type)
        {
            case KernelType.Linear:
                return Dot(x, z);
            case KernelType.Polynomial:
                return Math.Pow(Gamma * Dot(x, z) + Coef0, Degree);
            case KernelType.Sigmoid:
                return Math.Tanh(Gamma * Dot(x, z) + Coef0);
            default:
                double s = 0;
                for (int i = 0; i < x.Length; i++)
                {
                    var d = x[i] - z[i];
                    s += d * d;
                }
                return Math.Exp(-Gamma * s);
        }
    }

    private static double Dot(ReadOnlySpan<double> x, ReadOnlySpan<double> z)
    {
        double s = 0;
        for (int i = 0; i < x.Length; i++) s += x[i] * z[i];
        return s;
    }
}
