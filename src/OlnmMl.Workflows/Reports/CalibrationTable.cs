using System.Globalization;
using OlnmMl.AutoML.Runner;
using OlnmMl.Evaluation.Calibration;
using OlnmMl.Reporting.Tables;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// Calibration per model and cohort (training included): intercept and slope of the logistic recalibration
/// (<see cref="CalibrationFit"/>) and the Hosmer–Lemeshow test (<see cref="HosmerLemeshow"/>, 10 quantile groups),
/// with a warning for every degenerate model: slope below 0 or above 10, an undefined fit, a constant prediction, or
/// near-constant predictions (standard deviation below <see cref="NearConstant"/>).
/// </summary>
internal static class CalibrationTable
{
    /// <summary>Slopes outside [<see cref="LowestSlope"/>, <see cref="HighestSlope"/>] mark a degenerate model.</summary>
    public const double LowestSlope = 0, HighestSlope = 10;

    /// <summary>Predictions whose standard deviation is below this are near-constant: they rank the cases but carry no risk information.</summary>
    public const double NearConstant = 0.01;

    /// <summary>The table and one warning sentence per degenerate model and reason, naming its cohorts (empty when none).</summary>
    public static (Table Table, IReadOnlyList<string> Warnings) Build(IReadOnlyList<ModelPredictions> models)
    {
        var rows = new List<IReadOnlyList<string>>();
        var degenerate = new List<(string Model, string Cohort, string Reason)>();
        foreach (var model in models)
        {
            foreach (var cohort in model.Cohorts.OrderBy(c => c.Role != CohortRole.Training))
            {
                double[] probabilities = [.. cohort.Probabilities];
                bool[] labels = [.. cohort.Labels];
                var fit = CalibrationFit.Compute(probabilities, labels);
                var test = HosmerLemeshow.Compute(probabilities, labels);
                rows.Add([model.Model, cohort.Role == CohortRole.Training ? cohort.Cohort + " (training)" : cohort.Cohort, F(fit.Intercept), F(fit.Slope), F(test.Statistic), test.DegreesOfFreedom.ToString(CultureInfo.InvariantCulture), P(test.PValue)]);
                if (Degeneracy(probabilities, fit) is { } reason)
                {
                    degenerate.Add((model.Model, cohort.Cohort, reason));
                }
            }
        }

        var warnings = degenerate.GroupBy(d => (d.Model, d.Reason)).Select(g =>
            $"Warning: {g.Key.Model} on {string.Join(", ", g.Select(d => d.Cohort))} is degenerate ({g.Key.Reason}); its predictions are not calibrated risks and its calibration figures should not be read as such.").ToList();
        return (new Table("Calibration by model and cohort (logistic recalibration intercept and slope; Hosmer–Lemeshow χ² over 10 quantile groups)",
            ["model", "cohort", "intercept", "slope", "HL χ²", "df", "HL p"], rows), warnings);
    }

    /// <summary>Why the model is degenerate on this cohort, or null when it is not.</summary>
    private static string? Degeneracy(double[] probabilities, CalibrationFit fit) =>
        probabilities.Where(p => !double.IsNaN(p)).Distinct().Count() <= 1 ? "a constant prediction"
        : StandardDeviation(probabilities) is var sd && sd < NearConstant
            ? string.Create(CultureInfo.InvariantCulture, $"near-constant predictions, SD {sd:0.0000} below {NearConstant}")
        : double.IsNaN(fit.Slope) ? "no calibration fit: " + fit.UndefinedReason
        : fit.Slope < LowestSlope || fit.Slope > HighestSlope
            ? string.Create(CultureInfo.InvariantCulture, $"calibration slope {fit.Slope:0.000}, outside {LowestSlope:0}–{HighestSlope:0}")
            : null;

    private static double StandardDeviation(double[] probabilities)
    {
        var finite = probabilities.Where(p => !double.IsNaN(p)).ToArray();
        var mean = finite.Average();
        return Math.Sqrt(finite.Sum(p => (p - mean) * (p - mean)) / (finite.Length - 1));
    }
}
