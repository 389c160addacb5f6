using BenchmarkDotNet.Attributes;
using OlnmMl.Torch.Networks;
using static TorchSharp.torch;

namespace OlnmMl.Benchmarks.Torch;

/// <summary>
/// CPU training throughput of the 2D instance encoder of a slice-bag network next to the 3D encoder on the same
/// voxels: one forward + backward pass (2-way head, cross-entropy) of
/// <list type="bullet">
/// <item><see cref="Slices2d"/>: torchvision ResNet-18 (<c>resnet18-2d</c>, 3 channels) on 24 instances of 64×64 —
/// one bag of 24 slices; the reported time is per instance (instances/s = 1 / mean).</item>
/// <item><see cref="Volumes3d"/>: MedicalNet ResNet-18 (<c>resnet18</c>, 1 channel) on 2 volumes (batch norm needs
/// two) of 24×64×64 — each the voxels of one such bag; the reported time is per volume (samples/s = 1 / mean).</item>
/// </list>
/// A bag per second of the 2D encoder is the 2D rate divided by 24. Run:
/// <c>--filter '*SliceEncoderTraining*' --job short --inProcess</c> (with OMP_WAIT_POLICY=PASSIVE on a shared machine).
/// Dry run only so far (one cold iteration, 2026-12-07, 2-core EPYC at load ≈ 52, so far slower than idle):
/// 2D 74 ms per instance (13.5 instances/s, 1.8 s per bag of 24), 3D 1.05 s per volume (0.95 volumes/s).
/// </summary>
public class SliceEncoderTrainingBenchmarks
{
    private const int Instances = 24;
    private const int Edge = 64;
    private const int Volumes = 2;

    private FeatureNetwork encoder2d = null!;
    private FeatureNetwork encoder3d = null!;
    private Tensor slices = null!;
    private Tensor volumes = null!;
    private Tensor sliceLabels = null!;
    private Tensor volumeLabels = null!;

    [GlobalSetup]
    public void Setup()
    {
        manual_seed(1);
        encoder2d = NetworkCatalog.Create("resnet18-2d", inputChannels: 3, numClasses: 2);
        encoder3d = NetworkCatalog.Create("resnet18", inputChannels: 1, numClasses: 2);
        encoder2d.train();
        encoder3d.train();
        slices = rand([Instances, 3L, Edge, Edge]);
        volumes = rand([Volumes, 1L, Instances, Edge, Edge]);
        sliceLabels = randint(2, [Instances]);
        volumeLabels = tensor(new long[] { 0, 1 });
    }

    /// <summary>One training step of the 2D ResNet-18 on 24 instances of 3 × 64²; time per instance.</summary>
    [Benchmark(OperationsPerInvoke = Instances)]
    public float Slices2d() => Step(encoder2d, slices, sliceLabels);

    /// <summary>One training step of the 3D ResNet-18 on 2 volumes of 24 × 64²; time per volume.</summary>
    [Benchmark(OperationsPerInvoke = Volumes)]
    public float Volumes3d() => Step(encoder3d, volumes, volumeLabels);

    [GlobalCleanup]
    public void Cleanup()
    {
        encoder2d.Dispose();
        encoder3d.Dispose();
        slices.Dispose();
        volumes.Dispose();
        sliceLabels.Dispose();
        volumeLabels.Dispose();
    }

    private static float Step(FeatureNetwork network, Tensor input, Tensor labels)
    {
        using var scope = NewDisposeScope();
        network.zero_grad();
        var loss = nn.functional.cross_entropy(network.forward(input), labels);
        loss.backward();
        return loss.item<float>();
    }
}
