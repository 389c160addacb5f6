using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;

namespace OlnmMl.Benchmarks.Onnx;

/// <summary>
/// Scoring 1,000 cases with the published radiomics pipeline (z-score → decision-tree top-10 → RBF SVM,
/// 100 features, 300 training cases): in-process ML.NET/OlnmMl.Learners vs the exported graph in ONNX Runtime.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class TabularPipelineLatencyBenchmarks
{
    private const int FeatureCount = 100;
    private const int Cases = 1000;
    private MLContext _ml = null!;
    private ITransformer _model = null!;
    private IDataView _cases = null!;
    private OnnxScorer _scorer = null!;
    private float[] _matrix = [];
    private string _path = "";

    private sealed class Row
    {
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(seed: 1);
        var random = new Random(1);
        List<Row> Make(int n) => [.. Enumerable.Range(0, n).Select(_ =>
        {
            var x = Enumerable.Range(0, FeatureCount).Select(j => (float)(random.NextDouble() * (j + 1))).ToArray();
            return new Row { Features = x, Label = x[0] + x[1] / 2 + random.NextDouble() > 1.5 };
        })];
        _model = _ml.Transforms.NormalizeMeanVariance("Features", fixZero: false)
            .Append(_ml.Transforms.SelectFeaturesByDecisionTree(topK: 10))
            .Append(_ml.BinaryClassification.Trainers.KernelSvm(seed: 1))
            .Fit(_ml.Data.LoadFromEnumerable(Make(300)));
        var cases = Make(Cases);
        _cases = _ml.Data.LoadFromEnumerable(cases);
        _matrix = [.. cases.SelectMany(c => c.Features)];
        _path = Path.Combine(Path.GetTempPath(), $"olnm-tabular-{Environment.ProcessId}.onnx");
        var bytes = TabularPipelineExporter.Export(_model, FeatureCount, new TabularExportOptions(), _path);
        _scorer = new OnnxScorer(_path);
        Console.WriteLine($"// tabular pipeline ONNX: {bytes:N0} bytes");
    }

    [Benchmark(Baseline = true)]
    public float InProcess() => _model.Transform(_cases).GetColumn<float>("Probability").Sum();

    [Benchmark]
    public float OnnxRuntime() => _scorer.Predict(_matrix, [Cases, FeatureCount]).Sum();

    [GlobalCleanup]
    public void Cleanup()
    {
        _scorer.Dispose();
        File.Delete(_path);
    }
}
