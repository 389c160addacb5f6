namespace OlnmMl.Onnx.Networks;

/// <summary>
/// What a ResNet's weights do not say about it: its layout. Defaults are MONAI's (as <c>ResNetFeatures</c>) and
/// torchvision's ResNet: conv1 stride 2, 3-wide max-pool with stride 2, layer strides 1, 2, 2, 2, no dilation,
/// projection shortcuts, BN ε = 1e-5. OlnmMl.Onnx knows no network table: whoever holds the network's row (OlnmMl.Torch's
/// <c>ResNetArchitecture</c>; OlnmMl.Workflows maps it) fills these from it. A downsample bias needs no option: it is
/// written when the weights hold <c>downsample.0.bias</c>.
/// </summary>
public sealed record ResNetOnnxOptions
{
    /// <summary>The network's name (its catalog row, e.g. <c>resnet18-medicalnet</c>), for messages.</summary>
    public string Network { get; init; } = "resnet";

    /// <summary>Stride of <c>conv1</c>.</summary>
    public int Conv1Stride { get; init; } = 2;

    /// <summary>Whether the 3-wide, stride 2, padding 1 max-pool follows <c>conv1</c>/<c>bn1</c>/ReLU (MONAI <c>no_max_pool=False</c>).</summary>
    public bool MaxPool { get; init; } = true;

    /// <summary>Stride of the first block of layer1..layer4.</summary>
    public IReadOnlyList<int> LayerStrides { get; init; } = [1, 2, 2, 2];

    /// <summary>Dilation d of every 3-wide convolution of layer1..layer4, padded by d so that the grid is kept (MedicalNet: 1, 1, 2, 4).</summary>
    public IReadOnlyList<int> LayerDilations { get; init; } = [1, 1, 1, 1];

    /// <summary>
    /// Shortcut "A" (MedicalNet ResNet-18/34): a block that changes the shape without <c>downsample</c> weights
    /// subsamples its input by the stride and appends zero channels. False: such a block must hold <c>downsample.0/1</c>.
    /// </summary>
    public bool ZeroPadShortcut { get; init; }

    /// <summary>BatchNorm ε.</summary>
    public float BatchNormEpsilon { get; init; } = 1e-5f;
}
