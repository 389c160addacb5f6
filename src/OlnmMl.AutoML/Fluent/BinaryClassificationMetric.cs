using OlnmMl.AutoML.Experiments;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// The metric an <see cref="AutoMLExperiment"/> optimises on the validation data, named as in
/// <c>Microsoft.ML.AutoML.BinaryClassificationMetric</c>. Only the threshold-free metrics our objective computes
/// (<see cref="ObjectiveMetric"/>) exist; ML.NET's accuracy, F1, precision and recall members are absent.
/// </summary>
public enum BinaryClassificationMetric
{
    /// <summary>Area under the ROC curve (Mann–Whitney), maximised.</summary>
    AreaUnderRocCurve,
    /// <summary>Brier score mean((p − y)²), minimised (not in ML.NET's enum).</summary>
    BrierScore,
    /// <summary>Log loss −mean(y ln p + (1 − y) ln(1 − p)), minimised (not in ML.NET's enum).</summary>
    LogLoss,
}

/// <summary>The objective behind each <see cref="BinaryClassificationMetric"/>.</summary>
internal static class BinaryClassificationMetricExtensions
{
    public static ObjectiveMetric ToObjective(this BinaryClassificationMetric metric) => metric switch
    {
        BinaryClassificationMetric.AreaUnderRocCurve => ObjectiveMetric.Auc,
        BinaryClassificationMetric.BrierScore => ObjectiveMetric.Brier,
        BinaryClassificationMetric.LogLoss => ObjectiveMetric.LogLoss,
        _ => throw new ArgumentOutOfRangeException(nameof(metric), metric, "SetBinaryClassificationMetric: unknown metric."),
    };
}
