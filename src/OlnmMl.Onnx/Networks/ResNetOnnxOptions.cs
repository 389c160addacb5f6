namespace OlnmMl.Onnx.Networks;

/// <summary>
/// What a ResNet's weights do not say about it. Defaults are MONAI's/MedicalNet's and torchvision's ResNet
/// (as OlnmMl.Torch builds it, 2D or 3D): conv1 stride 2, 3-wide max-pool with stride 2, layer strides 1, 2, 2, 2, BN ε = 1e-5.
/// </summary>
public sealed record ResNetOnnxOptions
{
    /// <summary>Stride of <c>conv1</c>.</summary>
    public int Conv1Stride { get; init; } = 2;

    /// <summary>Whether the 3-wide, stride 2, padding 1 max-pool follows <c>conv1</c>/<c>bn1</c>/ReLU (MONAI <c>no_max_pool=False</c>).</summary>
    public bool MaxPool { get; init; } = true;

    /// <summary>Stride of the first block of layer1..layer4.</summary>
    public IReadOnlyList<int> LayerStrides { get; init; } = [1, 2, 2, 2];

    /// <summary>BatchNorm ε.</summary>
    public float BatchNormEpsilon { get; init; } = 1e-5f;
}
