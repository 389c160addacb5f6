using OlnmMl.Torch.Networks;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Weights;

/// <summary>
/// What a ResNet file records about its layout beyond shapes, checked against the network so that a refusal names
/// the cause: downsample biases (MONAI's <c>bias_downsample</c>) in only one of file and network, and MedicalNet's
/// <c>conv_seg</c> decoder in a file loaded into a network without MedicalNet's dilated layer3/4 (their weights have
/// the same shapes). The stem stride leaves no trace in the weights (<c>conv1.weight</c> has the same shape), so the
/// catalog name declares it (<c>-monai</c>: stride 1).
/// </summary>
internal static class ResNetLayoutCheck
{
    private const string DownsampleBias = ".downsample.0.bias";

    /// <summary>The layout disagreements between the file's keys (prefixes stripped) and the network's state.</summary>
    public static IEnumerable<string> Problems(nn.Module module, IReadOnlySet<string> fileKeys, IReadOnlyDictionary<string, Tensor> network)
    {
        string name = module.GetName();
        if (fileKeys.FirstOrDefault(k => k.EndsWith(DownsampleBias, StringComparison.Ordinal) && !network.ContainsKey(k)
                && network.ContainsKey(k[..^"bias".Length] + "weight")) is { } extra)
        {
            yield return $"the file's shortcut convolutions have biases ('{extra}': MONAI ResNet's bias_downsample=True default, " +
                $"the '-monai' rows) but {name}'s have none";
        }
        if (network.Keys.FirstOrDefault(k => k.EndsWith(DownsampleBias, StringComparison.Ordinal) && !fileKeys.Contains(k)
                && fileKeys.Contains(k[..^"bias".Length] + "weight")) is { } absent)
        {
            yield return $"{name}'s shortcut convolutions have biases (MONAI's bias_downsample=True) but the file's have none " +
                $"('{absent}' is missing: built with bias_downsample=False, as MedicalNet and the rows without '-monai')";
        }
        if (module is ResNet resnet && resnet.Architecture.LayerDilations.All(d => d == 1) && fileKeys.Any(k => k.StartsWith("conv_seg.", StringComparison.Ordinal)))
        {
            yield return $"the file carries MedicalNet's conv_seg decoder, so its layer3/layer4 are MedicalNet's dilated ones; " +
                $"load it into the '-medicalnet' row of the same depth, not {name}";
        }
    }
}
