namespace OlnmMl.Onnx.Graph;

/// <summary>
/// What one graph input or output expects: its name, its shape (−1 for the batch or any other
/// symbolic dimension) and, for feature vectors, the name of every slot in order, so a caller
/// can check a feature table against the model before scoring.
/// </summary>
/// <param name="Name">The graph value's name, e.g. <c>radiomics</c>.</param>
/// <param name="Shape">The shape, −1 for symbolic dimensions, e.g. [−1, 10].</param>
/// <param name="SlotNames">The feature name of each slot of the last dimension, or empty when not named.</param>
/// <param name="Description">What the tensor holds (units, scaling), free text.</param>
public sealed record OnnxTensorContract(
    string Name,
    IReadOnlyList<long> Shape,
    IReadOnlyList<string> SlotNames,
    string Description = "");
