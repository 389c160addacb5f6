using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// DenseNet in the MONAI and torchvision layout: <c>features</c> = conv0 (7-wide kernel, stride 2, pad 3), norm0,
/// relu0, pool0 (3-wide max, stride 2), denseblock1, transition1, …, denseblock4, norm5; then ReLU, global
/// average pool and the linear head (absent in headless mode): <c>class_layers.out</c> with MONAI's names,
/// <c>classifier</c> with torchvision's (<see cref="DenseNetArchitecture.Naming"/>). Spatial dimensions (2 or 3)
/// from the architecture row. Initialised as MONAI's <c>densenet.py</c> and torchvision: Kaiming-normal fan-in
/// convolutions (std √(2 / fan-in)).
/// </summary>
public sealed class DenseNet : FeatureNetwork
{
    // Registered by the constructor under the naming's names (no RegisterComponents, which would use the field names).
    private readonly Sequential features;
    private readonly Linear? head;
    private readonly int inputChannels;
    private readonly int featureWidth;

    /// <summary>
    /// Builds the network; <paramref name="numClasses"/> = 0 gives the headless encoder. A non-null <paramref name="generator"/> draws every weight from it (a training run's own random stream); null draws from torch's process-wide generator, for networks whose weights are loaded afterwards.
    /// </summary>
    public DenseNet(DenseNetArchitecture architecture, int inputChannels = 1, int numClasses = 0, Generator? generator = null) : base(architecture.Name, architecture.SpatialDims)
    {
        int d = architecture.SpatialDims;
        ArgumentOutOfRangeException.ThrowIfLessThan(inputChannels, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(numClasses);
        this.inputChannels = inputChannels;
        long channels = architecture.InitFeatures;
        var stages = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv0", SpatialLayers.Conv(d, inputChannels, channels, 7, stride: 2, padding: 3, bias: false)),
            ("norm0", SpatialLayers.BatchNorm(d, channels)),
            ("relu0", nn.ReLU()),
            ("pool0", SpatialLayers.MaxPoolLayer(d, kernel: 3, stride: 2, padding: 1)),
        };
        int blocks = architecture.LayersPerBlock.Length;
        for (int i = 0; i < blocks; i++)
        {
            int layers = architecture.LayersPerBlock[i];
            stages.Add(($"denseblock{i + 1}", DenseNetParts.Block(channels, layers, architecture)));
            channels += layers * architecture.GrowthRate;
            if (i == blocks - 1)
            {
                stages.Add(("norm5", SpatialLayers.BatchNorm(d, channels)));
            }
            else
            {
                stages.Add(($"transition{i + 1}", DenseNetParts.Transition(channels, channels / 2, d)));
                channels /= 2;
            }
        }
        features = nn.Sequential(stages);
        featureWidth = (int)channels;
        register_module("features", features);
        head = numClasses > 0 ? nn.Linear(channels, numClasses) : null;
        if (head is not null && architecture.Naming == DenseNetNaming.Monai)
        {
            register_module("class_layers", nn.Sequential(("out", head)));
        }
        else if (head is not null)
        {
            register_module("classifier", head);
        }
        if (generator is not null)
        {
            NetworkInitialisation.PyTorchDefaults(this, generator);
        }
        NetworkInitialisation.KaimingNormalConvolutions(this, nn.init.FanInOut.FanIn, generator);
    }

    /// <inheritdoc/>
    public override int FeatureWidth => featureWidth;

    /// <inheritdoc/>
    public override int InputChannels => inputChannels;

    /// <inheritdoc/>
    public override bool IsHeadless => head is null;

    /// <inheritdoc/>
    public override Tensor Features(Tensor input)
    {
        CheckInput(input);
        using var scope = NewDisposeScope();
        return nn.functional.relu(BatchNormStep.Sequence(features, input)).mean(SpatialLayers.Axes(SpatialDims)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (head is null)
        {
            return Features(input);
        }
        using var pooled = Features(input);
        return head.forward(pooled);
    }
}
