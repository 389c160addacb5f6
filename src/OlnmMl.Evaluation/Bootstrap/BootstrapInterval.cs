namespace OlnmMl.Evaluation.Bootstrap;

/// <summary>
/// A percentile bootstrap interval: the (1 − level)/2 and (1 + level)/2 quantiles (R's type 7,
/// as pROC) of the replicate statistics that are not NaN.
/// </summary>
/// <param name="Estimate">The statistic on the original sample.</param>
/// <param name="CiLower">Lower percentile limit.</param>
/// <param name="CiUpper">Upper percentile limit.</param>
/// <param name="StandardError">Sample SD of the replicate statistics.</param>
/// <param name="ConfidenceLevel">Level.</param>
/// <param name="Replicates">Replicates drawn.</param>
/// <param name="UndefinedReplicates">Replicates whose statistic was NaN (left out of the quantiles).</param>
/// <param name="Seed">Seed used.</param>
/// <param name="Stratified">Whether resampling kept the class counts.</param>
public sealed record BootstrapInterval(
    double Estimate,
    double CiLower,
    double CiUpper,
    double StandardError,
    double ConfidenceLevel,
    int Replicates,
    int UndefinedReplicates,
    int Seed,
    bool Stratified);
