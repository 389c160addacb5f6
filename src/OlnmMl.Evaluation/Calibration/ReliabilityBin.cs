using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Evaluation.Calibration;

/// <summary>One bin of a reliability curve.</summary>
/// <param name="Lower">Smallest predicted probability in the bin.</param>
/// <param name="Upper">Largest predicted probability in the bin.</param>
/// <param name="MeanPredicted">Mean p in the bin.</param>
/// <param name="Observed">Fraction positive in the bin, with its Wilson interval.</param>
public sealed record ReliabilityBin(double Lower, double Upper, double MeanPredicted, Proportion Observed);
