using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// 3D DenseNet in the MONAI layout: <c>features</c> = conv0 (7×7×7, stride 2, pad 3), norm0,
/// relu0, pool0 (3×3×3 max, stride 2), denseblock1, transition1, …, denseblock4, norm5;
/// then ReLU, global average pool and <c>class_layers.out</c> (absent in headless mode).
/// Initialised as MONAI's <c>densenet.py</c>: Kaiming-normal fan-in convolutions (std √(2 / fan-in)).
/// </summary>
public sealed class DenseNet : FeatureNetwork
{
    private readonly Sequential features;
    private readonly Sequential? class_layers;
    private readonly int inputChannels;
    private readonly int featureWidth;

    /// <summary>
    /// Builds the network; <paramref name="numClasses"/> = 0 gives the headless encoder. A non-null <paramref name="generator"/> draws every weight from it (a training run's own random stream); null draws from torch's process-wide generator, for networks whose weights are loaded afterwards.
    /// </summary>
    public DenseNet(DenseNetArchitecture architecture, int inputChannels = 1, int numClasses = 0, Generator? generator = null) : base(architecture.Name)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(inputChannels, 1);
        ArgumentOutOfRangeException.ThrowIfNegative(numClasses);
        this.inputChannels = inputChannels;
        long channels = architecture.InitFeatures;
        var stages = new List<(string, nn.Module<Tensor, Tensor>)>
        {
            ("conv0", nn.Conv3d(inputChannels, channels, 7, stride: 2, padding: 3, bias: false)),
            ("norm0", nn.BatchNorm3d(channels)),
            ("relu0", nn.ReLU()),
            ("pool0", nn.MaxPool3d(3, 2, 1)),
        };
        int blocks = architecture.LayersPerBlock.Length;
        for (int i = 0; i < blocks; i++)
        {
            int layers = architecture.LayersPerBlock[i];
            stages.Add(($"denseblock{i + 1}", DenseNetParts.Block(channels, layers, architecture.GrowthRate, architecture.BottleneckSize)));
            channels += layers * architecture.GrowthRate;
            if (i == blocks - 1)
            {
                stages.Add(("norm5", nn.BatchNorm3d(channels)));
            }
            else
            {
                stages.Add(($"transition{i + 1}", DenseNetParts.Transition(channels, channels / 2)));
                channels /= 2;
            }
        }
        features = nn.Sequential(stages);
        featureWidth = (int)channels;
        class_layers = numClasses > 0 ? nn.Sequential(("out", nn.Linear(channels, numClasses))) : null;
        RegisterComponents();
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
    public override bool IsHeadless => class_layers is null;

    /// <inheritdoc/>
    public override Tensor Features(Tensor input)
    {
        CheckInput(input);
        using var scope = NewDisposeScope();
        return nn.functional.relu(BatchNormStep.Sequence(features, input)).mean([2, 3, 4]).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor input)
    {
        if (class_layers is null)
        {
            return Features(input);
        }
        using var pooled = Features(input);
        return class_layers.forward(pooled);
    }
}
