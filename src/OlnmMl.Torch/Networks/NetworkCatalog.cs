using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// The encoders available by name. 3D (<c>[N, C, D, H, W]</c>, MONAI names): resnet10/18/34/50 (MONAI layout with
/// stem stride 2 and shortcut B without bias), resnet10/18/34/50-monai (MONAI <c>ResNet</c>'s defaults: stem stride 1,
/// downsample bias), resnet10/18/34/50-medicalnet (MedicalNet's dilated layout and the shortcut of each released
/// model; see <see cref="ResNetArchitecture"/>), resnet10-tiny (CPU smoke runs), densenet121, swin.
/// 2D (<c>[N, C, H, W]</c>, torchvision names, so ImageNet/RadImageNet <c>.pth</c> files load): resnet18-2d,
/// resnet50-2d, densenet121-2d, resnet10-tiny-2d (CPU tests).
/// </summary>
public static class NetworkCatalog
{
    /// <summary>The 3D encoders (volumes <c>[N, C, D, H, W]</c>): the backbones of fusion networks and deep features.</summary>
    public static IReadOnlyList<string> Names { get; } =
    [
        "resnet10", "resnet10-tiny", "resnet18", "resnet34", "resnet50",
        "resnet10-monai", "resnet18-monai", "resnet34-monai", "resnet50-monai",
        "resnet10-medicalnet", "resnet18-medicalnet", "resnet34-medicalnet", "resnet50-medicalnet",
        "densenet121", "swin",
    ];

    /// <summary>The 2D encoders (slices <c>[N, C, H, W]</c>, torchvision names): the instance encoders of slice-bag networks.</summary>
    public static IReadOnlyList<string> Names2d { get; } = ["resnet10-tiny-2d", "resnet18-2d", "resnet50-2d", "densenet121-2d"];

    /// <summary>
    /// Builds the named encoder (one of <see cref="Names"/> or <see cref="Names2d"/>) with <paramref name="inputChannels"/> image channels and a
    /// <paramref name="numClasses"/>-way linear head (0 = headless feature encoder).
    /// Weights are drawn from <paramref name="generator"/> when given (a training run's own stream, so
    /// concurrent runs never share random state); null draws from torch's process-wide generator, which
    /// is only for networks whose weights are loaded afterwards.
    /// </summary>
    public static FeatureNetwork Create(string architecture, int inputChannels = 1, int numClasses = 0, Generator? generator = null)
    {
        string name = architecture.ToLowerInvariant();
        if (ResNetArchitecture.Rows.FirstOrDefault(row => row.Name == name) is { } resnet)
        {
            return new ResNet(resnet, inputChannels, numClasses, generator: generator);
        }
        return name switch
        {
            "densenet121" => new DenseNet(DenseNetArchitecture.DenseNet121, inputChannels, numClasses, generator: generator),
            "densenet121-2d" => new DenseNet(DenseNetArchitecture.DenseNet121In2d, inputChannels, numClasses, generator: generator),
            "swin" => new SwinEncoder(SwinArchitecture.SwinUnetr, inputChannels, numClasses, generator: generator),
            _ => throw new ArgumentException(
                $"Unknown architecture '{architecture}'; expected one of {string.Join(", ", Names.Concat(Names2d))}.", nameof(architecture)),
        };
    }
}
