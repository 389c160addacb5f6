namespace OlnmMl.Onnx.Scoring;

/// <summary>One input tensor for <see cref="OnnxScorer"/>: row-major float data and its shape (first dimension = cases).</summary>
/// <param name="Data">Row-major values; length must be the product of <paramref name="Shape"/>.</param>
/// <param name="Shape">The tensor shape, e.g. [N, k] or [N, 1, 96, 96, 96].</param>
public sealed record OnnxInput(float[] Data, long[] Shape);
