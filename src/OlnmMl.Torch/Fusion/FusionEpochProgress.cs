namespace OlnmMl.Torch.Fusion;

/// <summary>One finished epoch: 0-based index, mean training loss, EMA validation AUC (NaN without validation data).</summary>
public sealed record FusionEpochProgress(int Epoch, double TrainingLoss, double ValidationAuc);
