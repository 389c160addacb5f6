using OlnmMl.Evaluation.Calibration;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>A model's metrics on one cohort.</summary>
/// <param name="Cohort">Cohort name.</param>
/// <param name="IsTraining">True for the cohort the cut-off was fitted on.</param>
/// <param name="Auc">AUC with DeLong CI.</param>
/// <param name="AtTrainingCutoff">Threshold metrics at the training cohort's Youden cut-off.</param>
/// <param name="AveragePrecision">AUPRC as average precision.</param>
/// <param name="BrierScore">Brier score; NaN when scores are not probabilities.</param>
/// <param name="Calibration">Calibration intercept/slope; null when scores are not probabilities.</param>
public sealed record CohortMetrics(
    string Cohort,
    bool IsTraining,
    AucEstimate Auc,
    ThresholdPerformance AtTrainingCutoff,
    double AveragePrecision,
    double BrierScore,
    CalibrationFit? Calibration);
