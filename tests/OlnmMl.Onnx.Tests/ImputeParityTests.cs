using Microsoft.ML;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OlnmMl.Learners.Imputation;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Onnx.Export;
using Xunit.Abstractions;

namespace OlnmMl.Onnx.Tests;

/// <summary>
/// The main job's column rule as steps (finite-non-constant selection, then median imputation) before z-score and
/// the kernel SVM, as one graph vs in-process, on inputs with NaN and ±∞. The graph runs in ONNX Runtime directly:
/// <c>OnnxScorer</c> refuses non-finite inputs before any graph sees them.
/// </summary>
public sealed class ImputeParityTests(ITestOutputHelper output) : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-").FullName;

    [Fact]
    public void Select_impute_normalise_svm_matches_in_process_on_non_finite_inputs()
    {
        var ml = new MLContext(seed: 1);
        var rows = TabularData.Make(200, seed: 19);
        rows[3].Features[1] = float.NaN;
        var model = ml.Transforms.SelectFiniteNonConstantFeatures()
            .Append(ml.Transforms.ImputeNonFinite(ImputationMethod.Median))
            .Append(ml.Transforms.NormalizeMeanVariance("Features", fixZero: false))
            .Append(ml.BinaryClassification.Trainers.KernelSvm(seed: 1))
            .Fit(TabularData.WithSlotNames(ml, rows));
        var path = Path.Combine(_folder, "impute.onnx");
        TabularPipelineExporter.Export(model, TabularData.FeatureCount, new TabularExportOptions(), path);
        var inputs = TabularData.RandomBatch(4, seed: 800);
        // Row 0: NaN in kept slot 0 and in dropped slot 1; row 1: +∞ and −∞ in kept slots 2 and 5; row 2: every slot NaN.
        (inputs[0], inputs[1], inputs[8], inputs[11]) = (float.NaN, float.NaN, float.PositiveInfinity, float.NegativeInfinity);
        Array.Fill(inputs, float.NaN, 12, TabularData.FeatureCount);

        var expected = MlNetTabularParityTests.InProcess(ml, model, inputs);
        using var session = new InferenceSession(path);
        using var results = session.Run(
            [NamedOnnxValue.CreateFromTensor("radiomics", new DenseTensor<float>(inputs, [4, TabularData.FeatureCount]))], [TabularPipelineExporter.ProbabilityOutput]);
        var actual = results.Single().AsTensor<float>().ToArray();

        var maxDelta = expected.Select((e, i) => Math.Abs(e.Probability - actual[i])).Max();
        output.WriteLine($"finite-non-constant → median impute → z-score → RBF SVM, 4 rows with NaN/±∞: max |Δp| = {maxDelta:E2}");
        Assert.Equal([0, 2, 3, 4, 5], model.OfType<FeatureSelectionTransformer>().Single().SelectedIndices);
        Assert.All(expected, e => Assert.True(float.IsFinite(e.Probability)));
        Assert.True(maxDelta <= 1e-4, $"max |Δp| = {maxDelta}");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
