using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Onnx.Tests.Networks;
using OlnmMl.Torch.Fusion;
using OlnmMl.Workflows.Trials;
using Xunit.Abstractions;
using static TorchSharp.torch;

namespace OlnmMl.Workflows.Tests.Trials;

/// <summary>
/// One model spec, two builds: the TorchSharp <see cref="FusionNetwork"/> built from a <see cref="FusionNetworkSpec"/>
/// and the ONNX graph written from the same spec by <see cref="FusionOnnx"/> give the same probabilities (≤ 1e-4), for one
/// encoder over stacked CT + PET channels and for the PET/CT signature's two encoders (one per modality, features
/// concatenated), and for MedicalNet's layout (dilated, shortcut "A", handed over by <see cref="EncoderLayouts"/>), with every parameter randomised so that each matters. Shapes are stated in the spec and asserted on
/// the exported graph, never derived.
/// </summary>
public sealed class FusionOnnxParityTests(ITestOutputHelper output) : IDisposable
{
    private const int Size = 16;
    private const int RadiomicsCount = 5;
    private const string Recipe = "ct[-1600,400]+pet[0,20], 16³ at 2 mm isotropic, centred on the mask";
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-spec-onnx-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Theory]
    [InlineData("deep-only", "separate", 1, "resnet10")]
    [InlineData("deep-only", "separate", 5, "resnet10")]
    [InlineData("concat", "separate", 5, "resnet10")]
    [InlineData("concat*", "separate", 3, "resnet10")]
    [InlineData("deep-only", "shared", 5, "resnet10")]
    [InlineData("concat", "shared", 2, "resnet10")]
    [InlineData("concat", "shared", 2, "resnet18-medicalnet")]
    public void TheSpecBuildsTheSameModelInTorchSharpAndOnnx(string modeName, string encoders, int batch, string architecture)
    {
        manual_seed(batch * 7 + modeName.Length);
        IReadOnlyList<(string, IReadOnlyList<string>)>? groups = encoders == "separate" ? [("ct", ["ct"]), ("pet", ["pet"])] : null;
        var spec = FusionNetworkSpec.Create(FusionModeNames.Parse(modeName), architecture, [2, Size, Size, Size], ["ct", "pet"], RadiomicsCount, groups);
        using var network = new FusionNetwork(spec);
        TorchSharpParity.Randomise(network);
        network.eval();
        using var image = rand([batch, 2L, Size, Size, Size]);
        using var radiomics = randn([batch, (long)RadiomicsCount]);
        TorchSharpParity.ScaleHeadToUnitLogits(network, image, radiomics);
        float[] expected;
        using (no_grad())
        using (var logits = network.forward(image, radiomics))
        using (var p = nn.functional.softmax(logits, 1)[.., 1])
        {
            expected = p.data<float>().ToArray();
        }

        var path = Path.Combine(_folder, "model.onnx");
        var names = Enumerable.Range(0, RadiomicsCount).Select(i => $"f{i}").ToArray();
        FusedModelExporter.Export(FusionOnnx.Definition(network, Recipe, names, radiomics: null), new OnnxModelMetadata(), path);
        using var scorer = new OnnxScorer(path);
        var actual = scorer.Predict(FusionOnnx.Inputs(spec, image.data<float>().ToArray(), radiomics.data<float>().ToArray(), batch));

        // The graph's inputs are the spec's: one per encoder with its channels, radiomics when the mode reads them.
        var imageInputs = encoders == "separate"
            ? new Dictionary<string, int[]> { ["ct"] = [-1, 1, Size, Size, Size], ["pet"] = [-1, 1, Size, Size, Size] }
            : new Dictionary<string, int[]> { ["image"] = [-1, 2, Size, Size, Size] };
        var expectedInputs = modeName == "deep-only" ? imageInputs : new Dictionary<string, int[]>(imageInputs) { ["radiomics"] = [-1, RadiomicsCount] };
        Assert.Equal(expectedInputs.Keys.Order(), scorer.InputShapes.Keys.Order());
        Assert.All(expectedInputs, pair => Assert.Equal(pair.Value, scorer.InputShapes[pair.Key]));
        Assert.All(scorer.Metadata.Inputs.Where(i => i.Name != "radiomics"), contract => Assert.Contains(Recipe, contract.Description));
        var maxDelta = expected.Select((e, i) => Math.Abs(e - actual[i])).Max();
        output.WriteLine($"{architecture} {modeName} {encoders} batch {batch}: max |Δp| = {maxDelta:E2}; p = {string.Join(", ", expected.Select(v => v.ToString("F4")))}");
        Assert.Equal(batch, actual.Length);
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
        Assert.Contains(expected, v => v is > 0.01f and < 0.99f);
    }

    [Fact]
    public void TwoEncodersReadTheirOwnChannels_AndTheirFeaturesAreConcatenated()
    {
        var spec = FusionNetworkSpec.Create(FusionMode.DeepOnly, "resnet10", [2, Size, Size, Size], ["ct", "pet"], 0, [("ct", ["ct"]), ("pet", ["pet"])]);
        using var network = new FusionNetwork(spec);
        using var single = new FusionNetwork(FusionNetworkSpec.Create(FusionMode.DeepOnly, "resnet10", [1, Size, Size, Size], ["ct"], 0));

        Assert.Equal(2 * single.DeepWidth, network.DeepWidth);
        // MONAI ResNet stem: 64 filters of 7³ over the encoder's own channels (one: PET alone).
        Assert.Equal([64L, 1, 7, 7, 7], network.Encoder("pet").named_parameters().First(p => p.name == "conv1.weight").parameter.shape);
        Assert.Equal(new[] { "encoders.ct.", "encoders.pet." }, spec.Encoders.Select(e => e.ParameterPrefix));
    }
}
