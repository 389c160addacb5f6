namespace OlnmMl.Onnx.Networks;

/// <summary>
/// One trained parameter or buffer as handed over from a PyTorch-style <c>state_dict</c>:
/// row-major float data and its shape (e.g. a Conv3d weight [out, in, kD, kH, kW]).
/// This is the whole contract between the network side and OlnmMl.Onnx, which does not reference TorchSharp.
/// </summary>
/// <param name="Data">Row-major values.</param>
/// <param name="Shape">The shape; the product of its entries equals <paramref name="Data"/>'s length.</param>
public sealed record ParameterTensor(float[] Data, long[] Shape)
{
    /// <summary>Number of elements the shape describes.</summary>
    public long ElementCount => Shape.Aggregate(1L, (a, b) => a * b);
}
