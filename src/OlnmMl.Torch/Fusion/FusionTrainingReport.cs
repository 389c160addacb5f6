namespace OlnmMl.Torch.Fusion;

/// <summary>
/// What happened during <see cref="FusionTrainer.Fit(Microsoft.ML.IDataView, Microsoft.ML.IDataView?, CancellationToken)"/>:
/// mean training loss per epoch, EMA-model validation AUC per epoch (empty without validation
/// data), and the epoch whose EMA weights were kept (the best validation AUC; the last epoch
/// without validation data). A training resumed from a saved state (<see cref="FusionTrainerOptions.ResumeStatePath"/>) reports
/// the whole history, the state's epochs included, as an uninterrupted training would.
/// </summary>
public sealed record FusionTrainingReport(IReadOnlyList<double> TrainingLoss, IReadOnlyList<double> ValidationAuc, int SelectedEpoch)
{
    /// <summary>Per encoder loaded from <see cref="FusionTrainerOptions.EncoderWeightsPath"/>: what was copied and what the file carried beyond the encoder; empty without a weights file.</summary>
    public IReadOnlyList<Weights.CheckpointLoadSummary> EncoderWeights { get; init; } = [];

    /// <summary>Epochs trained in all (fewer than requested after early stopping; a resumed state's epochs included).</summary>
    public int EpochsRun => TrainingLoss.Count;
}
