using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// The 2D encoders against torchvision (Fixtures/torchvision_2d_reference.json, densenet_tiny_2d.pth; see
/// <see cref="TorchVisionReference"/>): parameter counts, <c>state_dict</c> names and shapes, and features of the
/// same weights on the same input, the weights going through a <c>torch.save</c> file and the strict loader.
/// </summary>
public sealed class TorchVisionNetworkTests(ITestOutputHelper output) : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("olnm-tv-").FullName;

    // The published counts of torchvision.models (3 input channels): with the 1000-class head, and without it
    // (fc 512·1000 + 1000, 2048·1000 + 1000; classifier 1024·1000 + 1000).
    [Theory]
    [InlineData("resnet18-2d", "resnet18", 11_689_512L, 11_176_512L)]
    [InlineData("resnet50-2d", "resnet50", 25_557_032L, 23_508_032L)]
    [InlineData("densenet121-2d", "densenet121", 7_978_856L, 6_953_856L)]
    public void ParameterCountsAndStateDictEqualTorchvisions(string name, string reference, long withHead, long headless)
    {
        var torchvision = TorchVisionReference.Of(reference);
        Assert.Equal((withHead, headless), (torchvision.Parameters, torchvision.HeadlessParameters));
        using var classifier = NetworkCatalog.Create(name, inputChannels: 3, numClasses: 1000);
        using var encoder = NetworkCatalog.Create(name, inputChannels: 3);

        Assert.Equal(withHead, classifier.parameters().Sum(p => p.NumberOfElements));
        Assert.Equal(headless, encoder.parameters().Sum(p => p.NumberOfElements));
        Assert.Equal(2, encoder.SpatialDims);
        var expected = torchvision.StateDict.Select(e => $"{e.Name} [{string.Join(", ", e.Shape)}]").Order(StringComparer.Ordinal);
        var actual = classifier.state_dict().Select(e => $"{e.Key} [{string.Join(", ", e.Value.shape)}]").Order(StringComparer.Ordinal);
        Assert.Equal(expected, actual);
    }

    [Theory]
    [InlineData("resnet18-2d", "resnet18")]
    [InlineData("resnet50-2d", "resnet50")]
    [InlineData("densenet121-2d", "densenet121")]
    public void FeaturesOfTorchvisionNamedWeightsLoadedStrictlyEqualTorchvisions(string name, string reference)
    {
        var torchvision = TorchVisionReference.Of(reference);
        var path = Path.Combine(folder, reference + ".pth");
        // The whole torchvision state dict, head included (the encoder options ignore it); the int64 batch counters as float 0.
        TorchSaveFile.Write(path, torchvision.StateDict.Select((e, i) => e.Name.EndsWith("num_batches_tracked", StringComparison.Ordinal)
            ? new TorchSaveFile.Entry(e.Name, [0f], [], [])
            : new TorchSaveFile.Entry(e.Name, TorchVisionReference.Value(e.Name, e.Shape, i), e.Shape, TorchSaveFile.Strides(e.Shape))));
        using var encoder = NetworkCatalog.Create(name, inputChannels: 3);
        CheckpointLoader.Load(encoder, path, StrictLoadOptions.ForEncoder);
        encoder.eval();

        using var input = TorchVisionReference.Input(torchvision.InputShape);
        using var noGrad = no_grad();
        using var features = encoder.Features(input).to_type(ScalarType.Float64);
        var norms = torchvision.FeatureNorms;
        var every8th = torchvision.FeaturesEvery8th;
        for (int row = 0; row < norms.Length; row++)
        {
            var values = features[row].data<double>().ToArray();
            double norm = Math.Sqrt(values.Sum(v => v * v));
            double maxDelta = every8th[row].Select((v, k) => Math.Abs(v - values[8 * k])).Max();
            output.WriteLine($"{name} row {row}: |f| = {norm:F5} (torchvision {norms[row]:F5}); max |Δf| over every 8th of {values.Length} = {maxDelta:E2}");
            Assert.Equal(norms[row], norm, norms[row] * 1e-5);
            // Float32 sums in another order: relative to the typical feature size |f|/√width.
            Assert.True(maxDelta <= 1e-4 * norms[row] / Math.Sqrt(values.Length), $"row {row}: max |Δf| = {maxDelta}");
        }
    }

    [Fact]
    public void ATorchvisionDenseNetFileLoadsStrictlyAndGivesTorchvisionsFeaturesAndLogits()
    {
        // torchvision.models.DenseNet(growth_rate=4, block_config=(2, 2, 2, 2), num_init_features=8, bn_size=2, num_classes=5).
        var architecture = new DenseNetArchitecture("densenet-tiny-2d", InitFeatures: 8, GrowthRate: 4, BottleneckSize: 2, LayersPerBlock: [2, 2, 2, 2])
        {
            SpatialDims = 2,
            Naming = DenseNetNaming.TorchVision,
        };
        var torchvision = TorchVisionReference.Of("densenet_tiny");
        using var network = new DenseNet(architecture, inputChannels: 3, numClasses: 5);
        CheckpointLoader.Load(network, Path.Combine(AppContext.BaseDirectory, "Fixtures", "densenet_tiny_2d.pth"));
        network.eval();

        using var input = TorchVisionReference.Input(torchvision.InputShape);
        using var noGrad = no_grad();
        using var features = network.Features(input);
        using var logits = network.forward(input);
        AssertClose(torchvision.Features, features);
        AssertClose(torchvision.Logits, logits);
    }

    [Fact]
    public void TinyResNet2dEncodesSlicesTrainsAndRejectsVolumes()
    {
        // Hand count (3 channels, k² convs out·in·9, BN 2c): stem 3·8·49 + 16 = 1,192; layer1 2·576 + 32 = 1,184;
        // layer2 1,152 + 2,304 + 64 + projection 128 + 32 = 3,680; layer3 4,608 + 9,216 + 128 + 512 + 64 = 14,528;
        // layer4 18,432 + 36,864 + 256 + 2,048 + 128 = 57,728; total 78,312.
        var generator = new Generator(7);
        using var network = NetworkCatalog.Create("resnet10-tiny-2d", inputChannels: 3, numClasses: 2, generator: generator);
        Assert.Equal(78_312 + (64 * 2) + 2, network.parameters().Sum(p => p.NumberOfElements));
        Assert.Equal(64, network.FeatureWidth);

        using var slices = rand([24L, 3, 64, 64], generator: generator);
        using var features = network.Features(slices);
        Assert.Equal([24L, 64L], features.shape);
        using var logits = network.forward(slices);
        using var loss = nn.functional.cross_entropy(logits, zeros(24, dtype: ScalarType.Int64));
        loss.backward();
        var conv1 = network.named_parameters().Single(p => p.name == "conv1.weight").parameter;
        Assert.Equal([8L, 3L, 7L, 7L], conv1.shape);
        Assert.True(conv1.grad!.abs().sum().item<float>() > 0);

        var error = Assert.Throws<ArgumentException>(() => network.forward(rand([1L, 3, 16, 16, 16])));
        Assert.Contains("[N, 3, H, W]", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSpaceToDepthStemIsRefusedIn2d()
    {
        var error = Assert.Throws<ArgumentException>(() => new ResNet(ResNetArchitecture.ResNet10TinyIn2d, inputChannels: 3, spaceToDepthStem: true));
        Assert.Contains("resnet10-tiny-2d is 2D", error.Message, StringComparison.Ordinal);
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static void AssertClose(double[][] expected, Tensor actual)
    {
        using var values = actual.to_type(ScalarType.Float64);
        for (int row = 0; row < expected.Length; row++)
        {
            var got = values[row].data<double>().ToArray();
            Assert.Equal(expected[row].Length, got.Length);
            Assert.All(expected[row].Zip(got), p => Assert.Equal(p.First, p.Second, 1e-5));
        }
    }
}
