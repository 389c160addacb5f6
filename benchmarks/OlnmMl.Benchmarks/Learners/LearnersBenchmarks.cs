using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Benchmarks.Learners;

/// <summary>
/// Issue 4 speed targets, pinned to one core: decision-tree (CART Gini) top-10 selection on 470 × 1,364 and kernel
/// SVM fits on 470 × 10 (the published radiomics model's sizes), each well under a second. Data are two Gaussian
/// classes (235/235) with 20 informative features shifted by ±0.4. The SVM is timed without and with the 5-fold
/// Platt cross-validation (six SMO solves).
/// Run: dotnet run -c Release --project benchmarks/OlnmMl.Benchmarks -- --filter '*LearnersBenchmarks*'
/// </summary>
[MemoryDiagnoser]
[Config(typeof(SingleCoreShortRun))]
public class LearnersBenchmarks
{
    private const int Rows = 470;
    private MLContext _ml = null!;
    private IDataView _wide = null!;
    private double[] _narrow = null!;
    private bool[] _labels = null!;
    private string[] _narrowNames = null!;

    [GlobalSetup]
    public void Setup()
    {
        _ml = new MLContext(0);
        var (wide, labels) = Gaussian(Rows, 1364, 20, 0.4, seed: 1);
        _labels = labels;
        _wide = _ml.Data.LoadFromEnumerable(
            wide.Select((r, i) => new Row { Features = r, Label = labels[i] }).ToList(),
            Schema(1364));
        _narrow = wide.SelectMany(r => r.Take(10).Select(v => (double)v)).ToArray();
        _narrowNames = Enumerable.Range(0, 10).Select(j => $"f{j}").ToArray();
    }

    [Benchmark]
    public int DecisionTreeTop10_470x1364() =>
        _ml.Transforms.SelectFeaturesByDecisionTree(topK: 10).Fit(_wide).SelectedIndices[0];

    [Benchmark]
    public int RbfSvmFit_470x10() =>
        KernelSvmFitter.Fit(_narrow, _labels, 10, _narrowNames, new KernelSvmOptions { Probability = false }).SupportVectorCount;

    [Benchmark]
    public int RbfSvmFitWithPlatt_470x10() =>
        KernelSvmFitter.Fit(_narrow, _labels, 10, _narrowNames, new KernelSvmOptions { Probability = true }).SupportVectorCount;

    private static SchemaDefinition Schema(int d)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        return schema;
    }

    private static (float[][] X, bool[] Y) Gaussian(int n, int d, int informative, double shift, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n][];
        var y = new bool[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2 == 0;
            x[i] = new float[d];
            for (int j = 0; j < d; j++)
            {
                var z = Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());
                x[i][j] = (float)(j < informative ? z + (y[i] ? shift : -shift) : z);
            }
        }
        return (x, y);
    }

    private sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    private sealed class SingleCoreShortRun : ManualConfig
    {
        public SingleCoreShortRun() => AddJob(Job.ShortRun.WithAffinity(1));
    }
}
