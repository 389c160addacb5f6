namespace OlnmMl.Evaluation.Survival;

/// <summary>A chi-square test statistic with its degrees of freedom and upper-tail p-value.</summary>
/// <param name="Statistic">The statistic.</param>
/// <param name="DegreesOfFreedom">Degrees of freedom.</param>
/// <param name="PValue">P(χ²_df ≥ statistic).</param>
public sealed record ChiSquareTest(double Statistic, int DegreesOfFreedom, double PValue);
