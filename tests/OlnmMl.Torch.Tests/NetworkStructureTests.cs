using OlnmMl.Torch.Networks;
using TorchSharp;

namespace OlnmMl.Torch.Tests;

/// <summary>Structural facts of the encoders: parameter counts, state_dict keys, output shapes.</summary>
public sealed class NetworkStructureTests
{
    // Hand counts, single input channel, no head (parameters only; BN running stats are buffers).
    // Source: the layer tables of MONAI monai/networks/nets/resnet.py (= MedicalNet, shortcut B),
    // densenet.py and swin_unetr.py. For a k³ conv: out·in·k³; BN/LayerNorm(c): 2c.
    //   stem: conv1 64·1·343 = 21,952 + bn1 128.
    //   basic block (in→w, stride s): 27·in·w + 27·w² + 4w, plus in·w + 2w if s ≠ 1 or in ≠ w.
    //   bottleneck (in→4w): in·w + 27·w² + 4w² + 12w, plus in·4w + 8w if the shape changes.
    //   ResNet-18 = 21,952 + 128 + layer1 442,880 + layer2 1,557,760 + layer3 6,228,480
    //             + layer4 24,908,800 = 33,160,000 (MedicalNet quotes ≈ 33.2 M).
    //   ResNet-10 = 14,355,520; ResNet-34 = 63,469,632; ResNet-50 = 46,155,072 (MedicalNet ≈ 46.2 M).
    //   Shortcut "A" (MedicalNet's released ResNet-18) drops the three projections:
    //   33,160,000 − (64·128 + 256) − (128·256 + 512) − (256·512 + 1024) = 32,986,176.
    //   DenseNet-121: dense layer on c inputs = 2c + 128c + 256 + 32·128·27 = 130c + 110,848;
    //     transition c → c/2 = 2c + c²/2; norm5 2·1024; total 11,242,624 (MONAI ≈ 11.2 M + head).
    //   Swin (C = 48, heads 3/6/12/24, window 7): patch_embed 48·8 + 48 = 432; a block of width c
    //     with h heads = 12c² + 13c + 13³·h; patch merging = 16c² + 16c; total 8,062,002.
    [Theory]
    [InlineData("resnet10", 14_355_520L, 512)]
    [InlineData("resnet18", 33_160_000L, 512)]
    [InlineData("resnet18-medicalnet", 32_986_176L, 512)]
    [InlineData("resnet34", 63_469_632L, 512)]
    [InlineData("resnet50", 46_155_072L, 2048)]
    [InlineData("densenet121", 11_242_624L, 1024)]
    [InlineData("swin", 8_062_002L, 768)]
    public void HeadlessParameterCountMatchesTheReferenceLayerTable(string name, long expected, int width)
    {
        using var network = NetworkCatalog.Create(name);
        Assert.Equal(expected, ParameterCount(network));
        Assert.Equal(width, network.FeatureWidth);
        Assert.True(network.IsHeadless);
    }

    [Fact]
    public void HeadAndExtraInputChannelsAddExactlyTheirParameters()
    {
        // Head: width·k + k. Three channels add 2·64·343 = 43,904 to the stem of ResNet-18.
        using var network = NetworkCatalog.Create("resnet18", inputChannels: 3, numClasses: 2);
        Assert.Equal(33_160_000L + 43_904 + 512 * 2 + 2, ParameterCount(network));
    }

    [Fact]
    public void ResNetKeysFollowTheMedicalNetLayout()
    {
        using var network = NetworkCatalog.Create("resnet18", numClasses: 2);
        var keys = network.state_dict().Keys.ToHashSet();
        Assert.Contains("conv1.weight", keys);
        Assert.Contains("bn1.running_mean", keys);
        Assert.Contains("layer1.1.conv2.weight", keys);
        Assert.Contains("layer2.0.downsample.0.weight", keys);
        Assert.Contains("layer4.1.bn2.num_batches_tracked", keys);
        Assert.Contains("fc.bias", keys);
        Assert.DoesNotContain("layer1.0.downsample.0.weight", keys);
        Assert.Equal(new long[] { 64, 1, 7, 7, 7 }, network.state_dict()["conv1.weight"].shape);
    }

    [Fact]
    public void DenseNetAndSwinKeysFollowTheMonaiLayout()
    {
        using var dense = NetworkCatalog.Create("densenet121", numClasses: 2);
        var denseKeys = dense.state_dict().Keys.ToHashSet();
        Assert.Contains("features.conv0.weight", denseKeys);
        Assert.Contains("features.denseblock1.denselayer6.layers.conv2.weight", denseKeys);
        Assert.Contains("features.transition3.conv.weight", denseKeys);
        Assert.Contains("features.norm5.running_var", denseKeys);
        Assert.Contains("class_layers.out.weight", denseKeys);

        using var swin = NetworkCatalog.Create("swin");
        var swinKeys = swin.state_dict().Keys.ToHashSet();
        Assert.Contains("patch_embed.proj.weight", swinKeys);
        Assert.Contains("layers1.0.blocks.1.attn.relative_position_bias_table", swinKeys);
        Assert.Contains("layers1.0.blocks.1.attn.relative_position_index", swinKeys);
        Assert.Contains("layers2.0.blocks.0.mlp.linear2.weight", swinKeys);
        Assert.Contains("layers4.0.downsample.reduction.weight", swinKeys);
        // (2·7 − 1)³ = 2197 relative offsets × 24 heads in the last stage.
        Assert.Equal(new long[] { 2197, 24 }, swin.state_dict()["layers4.0.blocks.0.attn.relative_position_bias_table"].shape);
    }

    [Theory]
    [InlineData("resnet10", 16)]
    [InlineData("resnet18-medicalnet", 16)]
    [InlineData("densenet121", 32)]
    public void FeaturesArePooledVectorsAndLogitsHaveOneColumnPerClass(string name, int edge)
    {
        using var generator = new torch.Generator(1);
        using var input = torch.randn([2, 1, edge, edge, edge], generator: generator);
        using var classifier = NetworkCatalog.Create(name, numClasses: 3, generator: generator);
        classifier.eval();
        using var features = classifier.Features(input);
        using var logits = classifier.forward(input);
        Assert.Equal(new long[] { 2, classifier.FeatureWidth }, features.shape);
        Assert.Equal(new long[] { 2, 3 }, logits.shape);
        Assert.False(classifier.IsHeadless);
    }

    [Fact]
    public void SmallSwinRunsShiftedWindowsOnAPaddedGrid()
    {
        // 20³ → patches 10³ (window 3: padded to 12³, shifted blocks masked) → 5³ → 3³ → 2³ → 1³.
        var tiny = new SwinArchitecture("tiny", 6, [2, 2, 2, 2], [1, 2, 2, 4], 3, 2, 2);
        using var generator = new torch.Generator(1);
        using var swin = new SwinEncoder(tiny, inputChannels: 2, numClasses: 2, generator: generator);
        swin.eval();
        using var input = torch.randn([3, 2, 20, 20, 20], generator: generator);
        using var features = swin.Features(input);
        using var logits = swin.forward(input);
        Assert.Equal(new long[] { 3, 96 }, features.shape);
        Assert.Equal(new long[] { 3, 2 }, logits.shape);
        // MONAI's proj_out normalises the channels, then we average over space: every feature
        // row of a 1³ grid is a layer-normalised vector, so its mean is 0 and variance is 1.
        using var rowMean = features.mean([1]);
        Assert.True(rowMean.abs().max().item<float>() < 1e-4f);
    }

    [Fact]
    public void WrongChannelCountNamesTheExpectedShape()
    {
        using var network = NetworkCatalog.Create("resnet10");
        using var input = torch.zeros([1, 2, 8, 8, 8]);
        var error = Assert.Throws<ArgumentException>(() => network.forward(input));
        Assert.Contains("[N, 1, D, H, W]", error.Message);
    }

    private static long ParameterCount(torch.nn.Module network) => network.parameters().Sum(p => p.numel());
}
