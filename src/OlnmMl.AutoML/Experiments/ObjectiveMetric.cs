namespace OlnmMl.AutoML.Experiments;

/// <summary>Metric the tuner optimises on the selection cohorts.</summary>
public enum ObjectiveMetric
{
    /// <summary>Area under the ROC curve (Mann–Whitney), maximised.</summary>
    Auc,
    /// <summary>Brier score mean((p − y)²), minimised.</summary>
    Brier,
    /// <summary>Log loss −mean(y ln p + (1 − y) ln(1 − p)) with p clipped to [1e−15, 1 − 1e−15], minimised.</summary>
    LogLoss,
}
