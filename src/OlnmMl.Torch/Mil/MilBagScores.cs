namespace OlnmMl.Torch.Mil;

/// <summary>
/// A model's output for bags 0…B−1 of an <see cref="IBagSamples"/>: the patient probability P_b and the pooled bag
/// feature vector z_b (width F; the deep features a radiomics + deep tabular model reads).
/// </summary>
/// <param name="Probabilities">P_b per bag.</param>
/// <param name="Features">z_b per bag, each of length F.</param>
public sealed record MilBagScores(float[] Probabilities, float[][] Features);
