using System.Diagnostics;
using BenchmarkDotNet.Attributes;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Torch;
using OlnmMl.Torch.Fusion;

namespace OlnmMl.Benchmarks.Torch;

/// <summary>
/// Peak RSS of one fusion trial's training by input path, each in its own process: <c>rows</c> hands the crops to
/// the trainer as an ML.NET view (the trial's path before study designs: crop → row object → VBuffer → dense array →
/// batch), <c>samples</c> through <see cref="IFusionSamples"/> (crop → batch). Quick-preset sizes of the PET/CT design:
/// 120 training + 52 validation cases of two 48³ channels (CT, PET; 0.9 MB each), concat fusion over 8 radiomics,
/// resnet10-tiny, 2 epochs. The crops themselves (held once, as the crop cache holds them) are in both.
/// Measured 2026-12-07 (2-core EPYC, each path in its own process): rows 1,095 and 1,112 MiB, samples 731 and 731 MiB
/// (−34 %: the row objects, VBuffers and dense copies of every crop are gone).
/// Run: <c>--filter '*FusionInputMemory*' --launchCount 1 --warmupCount 0 --iterationCount 1 --invocationCount 1 --unrollFactor 1</c>.
/// </summary>
public class FusionInputMemoryBenchmarks
{
    private const int Edge = 48;
    private const int Channels = 2;
    private const int Length = Channels * Edge * Edge * Edge;
    private const int Features = 8;

    /// <summary>The input path.</summary>
    [Params("rows", "samples")]
    public string Path { get; set; } = "samples";

    public sealed class Row
    {
        [VectorType(Length)]
        public float[] Image { get; set; } = [];

        [VectorType(Features)]
        public float[] Radiomics { get; set; } = [];

        public bool Label { get; set; }

        public string Centre { get; set; } = "";
    }

    [Benchmark]
    public long PeakRssMiB()
    {
        var ml = new MLContext(seed: 1);
        var (train, validation) = (Cases(120, 1), Cases(52, 2));
        var trainer = ml.Torch().Fusion(new FusionTrainerOptions
        {
            Architecture = "resnet10-tiny",
            ImageShape = [Channels, Edge, Edge, Edge],
            ChannelKeys = ["ct", "pet"],
            Epochs = 2,
            EarlyStoppingPatience = 0,
            Device = new TorchDeviceOptions { ForceCpu = true },
        });
        using var model = Path == "rows"
            ? trainer.Fit(ml.Data.LoadFromEnumerable(train), ml.Data.LoadFromEnumerable(validation))
            : trainer.Fit(new RowSamples(train), new RowSamples(validation));
        using var process = Process.GetCurrentProcess();
        var peak = process.PeakWorkingSet64 >> 20;
        Console.WriteLine($"// {Path}: peak RSS {peak} MiB");
        return peak;
    }

    private static List<Row> Cases(int count, int seed)
    {
        var random = new Random(seed);
        return Enumerable.Range(0, count).Select(i => new Row
        {
            Image = Enumerable.Range(0, Length).Select(_ => (float)random.NextDouble()).ToArray(),
            Radiomics = Enumerable.Range(0, Features).Select(_ => (float)random.NextDouble()).ToArray(),
            Label = i % 2 == 0,
            Centre = i % 3 == 0 ? "A" : "B",
        }).ToList();
    }

    private sealed class RowSamples(List<Row> rows) : IFusionSamples
    {
        public int Count => rows.Count;
        public int ImageLength => Length;
        public int RadiomicsWidth => Features;
        public bool Label(int index) => rows[index].Label;
        public string Group(int index) => rows[index].Centre;
        public void CopyImage(int index, Span<float> destination) => rows[index].Image.CopyTo(destination);
        public ReadOnlySpan<float> Radiomics(int index) => rows[index].Radiomics;
    }
}
