namespace OlnmMl.Torch.Fusion;

/// <summary>
/// Training produced a non-finite loss (NaN or ±∞) or non-finite validation scores: the run stops there rather
/// than keep weights or write scores that are not numbers. The message names the epoch and batch and the
/// learning rate, the usual remedy being a lower one.
/// </summary>
public sealed class TrainingDivergedException : OlnmUserException
{
    /// <summary>Creates the error for <paramref name="what"/> at <paramref name="epoch"/> (0-based) and, when known, <paramref name="batch"/>.</summary>
    public TrainingDivergedException(string what, int epoch, int? batch, int? batches, double learningRate)
        : base($"training diverged: {what} at epoch {epoch + 1}{(batch is { } b ? $", batch {b + 1} of {batches}" : string.Empty)} " +
               $"(learning rate {learningRate:G3}); no model was kept — lower the learning rate")
    {
        Epoch = epoch;
        Batch = batch;
    }

    /// <summary>The epoch (0-based) in which training diverged.</summary>
    public int Epoch { get; }

    /// <summary>The batch (0-based) whose loss was not finite; null when the validation scores were.</summary>
    public int? Batch { get; }
}
