using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Weights;
using TorchSharp;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// The 3D catalog rows that claim a published layout against the publishers' own code on the same weights
/// (<see cref="PublishedReference"/>): MedicalNet's dilated ResNets from their legacy-format files (without
/// <c>num_batches_tracked</c>, with the <c>conv_seg</c> decoder), MONAI's ResNets (ResNetFeatures-style and with
/// MONAI's defaults) from zip files, and SwinUNETR's encoder from a full SwinUNETR checkpoint.
/// </summary>
public sealed class PublishedLayoutTests(ITestOutputHelper output)
{
    [Theory]
    [MemberData(nameof(PublishedReference.ResNetNames), MemberType = typeof(PublishedReference))]
    public void ResNetFeaturesEqualThePublishersCodeOnTheSameWeights(string name)
    {
        using var network = new ResNet(PublishedReference.NarrowRow(name));
        var summary = CheckpointLoader.Load(network, PublishedReference.WeightFile(name), StrictLoadOptions.ForEncoder);
        output.WriteLine(summary.ToString());
        AssertFeatures(network, name);

        var counters = network.state_dict().Where(e => e.Key.EndsWith("num_batches_tracked", StringComparison.Ordinal)).ToList();
        if (name.EndsWith("-medicalnet", StringComparison.Ordinal))
        {
            // MedicalNet's files hold no batch counters (PyTorch < 0.4.1); PyTorch's strict load accepts that and so do we.
            Assert.Equal(counters.Select(e => e.Key).Order(), summary.DefaultedCounters.Order());
            Assert.All(counters, e => Assert.Equal(0L, e.Value.item<long>()));
            Assert.Equal("conv_seg", Assert.Single(summary.IgnoredGroups).Key);
        }
        else
        {
            Assert.Empty(summary.DefaultedCounters);
            Assert.Equal(name.EndsWith("-monai", StringComparison.Ordinal) ? ["fc"] : Array.Empty<string>(), summary.IgnoredGroups.Select(g => g.Key));
        }
    }

    [Theory]
    [InlineData("resnet18")]
    [InlineData("resnet18-monai")]
    [InlineData("resnet18-medicalnet")]
    [InlineData("resnet50-medicalnet")]
    public void Layer4GridOfA96CubeIsThePublishersGrid(string name)
    {
        // MedicalNet: stem and max-pool /4, layer2 /2, then dilation instead of stride: 12³. MONAI: 3³ (stem stride 2) or 6³ (stride 1).
        using var network = new ResNet(PublishedReference.NarrowRow(name));
        network.eval();
        using var input = zeros([1, 1, 96, 96, 96]);
        using var noGrad = no_grad();
        using var map = network.FeatureMap(input);
        Assert.Equal(PublishedReference.Layer4Grid96(name), map.shape[2..]);
    }

    // One row per depth, both publishers (the narrow files above check every row's names and shapes at 1/32 width).
    [Theory]
    [InlineData("resnet10-medicalnet")]
    [InlineData("resnet18-monai")]
    [InlineData("resnet34-medicalnet")]
    [InlineData("resnet50")]
    public void FullWidthEntriesAreThePublishersNamesAndShapes(string name)
    {
        using var network = NetworkCatalog.Create(name);
        var actual = network.state_dict().Select(e => $"{e.Key} [{string.Join(", ", e.Value.shape)}]").Order(StringComparer.Ordinal);
        Assert.Equal(PublishedReference.FullWidthEntries(name), actual);
    }

    [Fact]
    public void AFullSwinUnetrCheckpointLoadsItsEncoderAndListsTheIgnoredDecoder()
    {
        using var swin = new SwinEncoder(new SwinArchitecture("swin-12", 12, [2, 2, 2, 2], [3, 6, 12, 24], 7, 2, 4));
        var summary = CheckpointLoader.Load(swin, PublishedReference.WeightFile("swin-12"), StrictLoadOptions.ForEncoder);
        output.WriteLine(summary.ToString());
        Assert.Equal(PublishedReference.SwinIgnoredGroups.Order(StringComparer.Ordinal), summary.IgnoredGroups.Select(g => g.Key));
        Assert.Equal(swin.state_dict().Count, summary.Loaded);
        Assert.Contains("decoder5 (", summary.ToString());
        AssertFeatures(swin, "swin-12");
    }

    [Fact]
    public void MonaiDefaultWeightsAreRefusedByTheResNetWithoutDownsampleBiasNamingTheKey()
    {
        using var network = new ResNet(PublishedReference.NarrowRow("resnet18"));
        var error = Assert.Throws<CheckpointMismatchException>(() =>
            CheckpointLoader.Load(network, PublishedReference.WeightFile("resnet18-monai"), StrictLoadOptions.ForEncoder));
        Assert.Contains("the file's shortcut convolutions have biases ('layer2.0.downsample.0.bias'", error.Message);
        Assert.Contains("'-monai' rows", error.Message);
    }

    [Fact]
    public void WeightsWithoutDownsampleBiasAreRefusedByTheMonaiDefaultsRow()
    {
        using var network = new ResNet(PublishedReference.NarrowRow("resnet18-monai"));
        var error = Assert.Throws<CheckpointMismatchException>(() =>
            CheckpointLoader.Load(network, PublishedReference.WeightFile("resnet18"), StrictLoadOptions.ForEncoder));
        Assert.Contains("'layer2.0.downsample.0.bias' is missing: built with bias_downsample=False", error.Message);
    }

    [Fact]
    public void MedicalNetWeightsAreRefusedByTheUndilatedRowOfTheSameShapes()
    {
        // MedicalNet's ResNet-10 (shortcut B) has exactly the shapes of MONAI's resnet10; only its conv_seg decoder tells them apart.
        using var network = new ResNet(PublishedReference.NarrowRow("resnet10"));
        var error = Assert.Throws<CheckpointMismatchException>(() =>
            CheckpointLoader.Load(network, PublishedReference.WeightFile("resnet10-medicalnet"), StrictLoadOptions.ForEncoder));
        Assert.Contains("MedicalNet's conv_seg decoder", error.Message);
        Assert.Contains("'-medicalnet' row", error.Message);
    }

    /// <summary>Eval-mode features of the reference input within 1e-5 of the largest reference feature of the row.</summary>
    private void AssertFeatures(FeatureNetwork network, string name)
    {
        network.eval();
        using var input = TorchVisionReference.Input(PublishedReference.InputShape(name));
        using var noGrad = no_grad();
        using var features = network.Features(input).to_type(ScalarType.Float64);
        var expected = PublishedReference.Features(name);
        Assert.Equal(new long[] { expected.Length, expected[0].Length }, features.shape);
        for (int row = 0; row < expected.Length; row++)
        {
            var actual = features[row].data<double>().ToArray();
            double scale = expected[row].Max(Math.Abs);
            double error = actual.Zip(expected[row], (a, e) => Math.Abs(a - e)).Max() / scale;
            output.WriteLine($"{name} row {row}: max |ours − theirs| / max |theirs| = {error:E2}");
            Assert.True(error < 1e-5, $"{name} row {row}: relative error {error:E2}");
        }
    }
}
