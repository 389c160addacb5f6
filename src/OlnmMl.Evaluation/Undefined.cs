namespace OlnmMl.Evaluation;

/// <summary>
/// The reasons, written into results, for which a statistic is NaN instead of a number.
/// Degenerate input never throws: it gives NaN plus one of these reasons.
/// </summary>
public static class Undefined
{
    /// <summary>No case with a positive label (and a finite score) remains.</summary>
    public const string NoPositives = "no positive cases with a finite score";

    /// <summary>No case with a negative label (and a finite score) remains.</summary>
    public const string NoNegatives = "no negative cases with a finite score";

    /// <summary>DeLong's variance needs the sample variance of both placement sets.</summary>
    public const string TooFewForVariance = "DeLong variance needs at least 2 positive and 2 negative cases";

    /// <summary>Paired comparison: both scores give the same placements, so the difference has variance 0.</summary>
    public const string IdenticalCurves = "the two scores rank the cases identically (difference has variance 0)";

    /// <summary>All finite scores are equal: no cut-off separates the cases.</summary>
    public const string SingleScoreValue = "all finite scores are equal: no cut-off separates cases";

    /// <summary>The logistic recalibration did not converge (e.g. perfect separation) or is not identifiable.</summary>
    public const string NoCalibrationFit = "logistic recalibration did not converge or is not identifiable (separation or a single predicted value)";

    /// <summary>Too few distinct predictions (or coinciding knots) for the restricted cubic spline of a smoothed calibration curve.</summary>
    public const string TooFewForSpline = "a smoothed calibration curve needs as many distinct predictions and distinct knots as its spline has knots (3 or 4)";

    /// <summary>Fewer than three risk groups remain for Hosmer–Lemeshow (df = groups − 2 would be ≤ 0).</summary>
    public const string TooFewGroups = "Hosmer-Lemeshow needs at least 3 distinct risk groups";

    /// <summary>
    /// AUC of a constant score: 0.5 by the ties-count-½ rule, but its DeLong variance is 0 only because
    /// nothing is ranked, so no confidence interval is given.
    /// </summary>
    public const string ConstantScore = "all finite scores are equal: the AUC is 0.5 by ties alone and has no confidence interval";

    /// <summary>No cases at all.</summary>
    public const string NoCases = "no cases with a finite score";
}
