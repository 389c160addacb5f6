using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.Torch;
using OlnmMl.Torch.Fusion;

namespace OlnmMl.AutoML.SweepHost;

/// <summary>
/// A trial kind for tests that keeps libtorch busy: it trains a small 3D fusion network (ResNet10-tiny, 16³ noise
/// images) for many epochs, checking cancellation before every batch, and writes <see cref="StartedFile"/> in its
/// folder once training has begun, so a test knows a deep trial is inside libtorch. It never finishes on its own
/// within a test's time.
/// </summary>
public sealed class DeepTrialFactory : ITrialFactory
{
    /// <summary>The trial kind name.</summary>
    public const string KindName = "deep";

    /// <summary>File written in the trial folder when the first epoch starts.</summary>
    public const string StartedFile = "training-started.txt";

    private const int Edge = 16;

    /// <inheritdoc />
    public string Name => KindName;

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) => 1;

    /// <inheritdoc />
    public Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken) => Task.Run(() => Train(context, cancellationToken), cancellationToken);

    private static TrialOutcome Train(TrialContext context, CancellationToken cancellationToken)
    {
        var ml = new MLContext(seed: context.Seed);
        var random = new Random(context.Seed);
        var rows = Enumerable.Range(0, 24).Select(i => new Row
        {
            Image = Enumerable.Range(0, Edge * Edge * Edge).Select(_ => (float)random.NextDouble()).ToArray(),
            Radiomics = [(float)random.NextDouble(), (float)random.NextDouble()],
            Label = i % 2 == 0,
            Centre = i % 3 == 0 ? "A" : "B",
        }).ToList();
        var started = new Progress(Path.Combine(context.ArtefactDirectory, StartedFile));
        ml.Torch().Fusion(new FusionTrainerOptions
        {
            Architecture = "resnet10-tiny",
            ImageShape = [1, Edge, Edge, Edge],
            Mode = FusionMode.Concat,
            LearningRate = 1e-3,
            Epochs = 100_000,
            EarlyStoppingPatience = 0,
            Seed = context.Seed,
            Device = new TorchDeviceOptions { ForceCpu = true },
            Progress = started,
        }).Fit(ml.Data.LoadFromEnumerable(rows), null, cancellationToken);
        throw new InvalidOperationException("the deep test trial is meant to be stopped, not to finish");
    }

    private sealed class Progress(string path) : IProgress<FusionEpochProgress>
    {
        public void Report(FusionEpochProgress value)
        {
            if (value.Epoch == 0)
            {
                File.WriteAllText(path, "training");
            }
        }
    }

    private sealed class Row
    {
        [VectorType(Edge * Edge * Edge)]
        public float[] Image { get; set; } = [];

        [VectorType(2)]
        public float[] Radiomics { get; set; } = [];

        public bool Label { get; set; }

        public string Centre { get; set; } = "";
    }
}
