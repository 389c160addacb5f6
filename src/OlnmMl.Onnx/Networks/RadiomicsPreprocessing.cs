namespace OlnmMl.Onnx.Networks;

/// <summary>
/// The training-fitted radiomics steps inside a fused graph: affine normalisation
/// y = (x − Offset) ⊙ Scale over all k raw features, then keeping <see cref="SelectedSlots"/> in order.
/// </summary>
/// <param name="Offset">Per-feature offset (length k).</param>
/// <param name="Scale">Per-feature scale (length k).</param>
/// <param name="SelectedSlots">Indices kept after normalisation; empty keeps all k.</param>
public sealed record RadiomicsPreprocessing(float[] Offset, float[] Scale, int[] SelectedSlots);
