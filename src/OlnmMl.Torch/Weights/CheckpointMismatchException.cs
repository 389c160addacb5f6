namespace OlnmMl.Torch.Weights;

/// <summary>A weight file does not fit the network: missing, unexpected or wrongly shaped parameters.</summary>
public sealed class CheckpointMismatchException(string message) : OlnmUserException(message);
