namespace OlnmMl.Evaluation.Bootstrap;

/// <summary>Settings of a stratified percentile bootstrap.</summary>
/// <param name="Replicates">Number of resamples (pROC's default is 2000).</param>
/// <param name="Seed">Seed; replicate r uses a stream derived from (seed, r), so results do not depend on threads.</param>
/// <param name="ConfidenceLevel">Level of the percentile interval.</param>
/// <param name="Stratified">
/// When true (default, as pROC) positives and negatives are resampled separately, keeping both
/// counts; otherwise cases are resampled as a whole.
/// </param>
/// <param name="MaxDegreeOfParallelism">Threads to use; −1 = all cores.</param>
public sealed record BootstrapOptions(
    int Replicates = 2000,
    int Seed = 42,
    double ConfidenceLevel = 0.95,
    bool Stratified = true,
    int MaxDegreeOfParallelism = -1)
{
    internal void Validate()
    {
        if (Replicates < 1) throw new ArgumentOutOfRangeException(nameof(Replicates), Replicates, "Bootstrap needs at least 1 replicate.");
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "Confidence level must lie strictly between 0 and 1.");
        }

        if (MaxDegreeOfParallelism == 0 || MaxDegreeOfParallelism < -1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxDegreeOfParallelism), MaxDegreeOfParallelism, "Use −1 (all cores) or a positive thread count.");
        }
    }
}
