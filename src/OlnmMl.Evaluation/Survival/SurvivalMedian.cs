namespace OlnmMl.Evaluation.Survival;

/// <summary>
/// Median survival and its confidence interval as R's <c>print(survfit)</c> gives them (median, 0.95LCL, 0.95UCL):
/// the first time where the curve (the lower, the upper confidence curve) is ≤ ½; when the curve equals ½ (within
/// √ε) on a flat stretch, the midpoint of that time and the next time it drops. NaN where the curve never reaches ½.
/// </summary>
/// <param name="Median">From Ŝ(t).</param>
/// <param name="CiLower">From the lower confidence curve.</param>
/// <param name="CiUpper">From the upper confidence curve.</param>
public sealed record SurvivalMedian(double Median, double CiLower, double CiUpper);
