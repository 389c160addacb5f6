using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Protos;
using OlnmMl.Onnx.Scoring;

namespace OlnmMl.Onnx.Tests;

public sealed class OnnxWriterTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    private static OnnxGraphBuilder AffinePlusGather()
    {
        var g = new OnnxGraphBuilder("test");
        var x = g.AddInput("radiomics", OnnxElementType.Float, OnnxDim.Batch, 3);
        var y = TabularOps.Affine(g, x, [1f, 2f, 3f], [2f, 0.5f, -1f]);
        var s = TabularOps.SelectSlots(g, y, [2, 0]);
        g.AddOutput(s, "out", OnnxElementType.Float, OnnxDim.Batch, 2);
        return g;
    }

    [Fact]
    public void Written_model_declares_ir_version_opset_and_shapes_with_onnx_field_numbers()
    {
        var bytes = OnnxModelWriter.ToBytes(AffinePlusGather(), new OnnxModelMetadata());
        var model = ModelProto.Parser.ParseFrom(bytes);

        // Field 1 (ir_version, varint) is the first thing protobuf writes: tag (1 << 3 | 0) = 0x08, then 8 (opset 17's IR).
        Assert.Equal([0x08, 0x08], bytes[..2]);
        Assert.Equal(OnnxModelWriter.IrVersion, model.IrVersion);
        Assert.Equal(OnnxModelWriter.Opset, Assert.Single(model.OpsetImport, o => o.Domain == "").Version);
        Assert.DoesNotContain(model.OpsetImport, o => o.Domain == OnnxGraphBuilder.MlDomain);
        var input = Assert.Single(model.Graph.Input);
        Assert.Equal("N", input.Type.TensorType.Shape.Dim[0].DimParam);
        Assert.Equal(3, input.Type.TensorType.Shape.Dim[1].DimValue);
        Assert.Equal(["Sub", "Mul", "Gather", "Identity"], model.Graph.Node.Select(n => n.OpType));
    }

    [Fact]
    public void Onnx_runtime_computes_the_hand_calculated_affine_then_gather()
    {
        var path = Path.Combine(_folder, "affine.onnx");
        OnnxModelWriter.Write(AffinePlusGather(), new OnnxModelMetadata(), path);
        using var scorer = new OnnxScorer(path);

        // Row (3, 4, 5): (x − (1,2,3)) ⊙ (2, 0.5, −1) = (4, 1, −2); slots [2, 0] → (−2, 4).
        var y = scorer.Predict([3f, 4f, 5f], [1, 3], "out");

        Assert.Equal([-2f, 4f], y);
    }

    [Fact]
    public void Onnx_ml_domain_nodes_import_the_ml_opset_and_run()
    {
        var g = new OnnxGraphBuilder("ml");
        var x = g.AddInput("x", OnnxElementType.Float, OnnxDim.Batch, 2);
        var y = g.AddNode(
            "Scaler",
            OnnxGraphBuilder.MlDomain,
            [x],
            ["scaled"],
            OnnxAttribute.Floats("offset", 1f, -1f),
            OnnxAttribute.Floats("scale", 2f, 3f))[0];
        g.AddOutput(y, "y", OnnxElementType.Float, OnnxDim.Batch, 2);
        var path = Path.Combine(_folder, "ml.onnx");
        OnnxModelWriter.Write(g, new OnnxModelMetadata(), path);
        var model = ModelProto.Parser.ParseFrom(File.ReadAllBytes(path));
        using var scorer = new OnnxScorer(path);

        // ai.onnx.ml Scaler: y = (x − offset) · scale → ((4 − 1)·2, (1 + 1)·3) = (6, 6).
        var result = scorer.Predict([4f, 1f], [1, 2], "y");

        Assert.Equal(OnnxModelWriter.MlOpset, Assert.Single(model.OpsetImport, o => o.Domain == OnnxGraphBuilder.MlDomain).Version);
        Assert.Equal([6f, 6f], result);
    }

    [Fact]
    public void Metadata_round_trips_through_onnx_runtime_custom_metadata()
    {
        var metadata = new OnnxModelMetadata
        {
            Pipeline = "dt-top10 → svm",
            Settings = "{\"C\":1}",
            Seed = 42,
            Versions = new Dictionary<string, string> { ["OlnmMl"] = "0.1.0" },
            TrainingCohorts = ["train", "hospital-1"],
            RadiomicsSettings = "binWidth: 25",
            Inputs = [new OnnxTensorContract("radiomics", [-1, 3], ["a", "b", "c"])],
        };
        var path = Path.Combine(_folder, "meta.onnx");
        OnnxModelWriter.Write(AffinePlusGather(), metadata, path);

        using var scorer = new OnnxScorer(path);
        var read = scorer.Metadata;

        Assert.Equal(metadata.Pipeline, read.Pipeline);
        Assert.Equal(42, read.Seed);
        Assert.Equal(metadata.TrainingCohorts, read.TrainingCohorts);
        Assert.Equal("0.1.0", read.Versions["OlnmMl"]);
        Assert.Equal(metadata.RadiomicsSettings, read.RadiomicsSettings);
        Assert.Equal(["a", "b", "c"], Assert.Single(read.Inputs).SlotNames);
    }

    [Fact]
    public void Builder_rejects_duplicate_inputs_unknown_values_and_misshaped_initializers()
    {
        var g = new OnnxGraphBuilder("bad");
        g.AddInput("x", OnnxElementType.Float, OnnxDim.Batch, 2);

        var duplicate = Assert.Throws<ArgumentException>(() => g.AddInput("x", OnnxElementType.Float, 1));
        var unknown = Assert.Throws<ArgumentException>(() => g.AddNode("Relu", ["y"], "z"));
        var shape = Assert.Throws<ArgumentException>(() => g.AddInitializer("w", [1f, 2f, 3f], [2, 2]));

        Assert.Contains("'x'", duplicate.Message);
        Assert.Contains("'y'", unknown.Message);
        Assert.Contains("3 elements", shape.Message);
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
