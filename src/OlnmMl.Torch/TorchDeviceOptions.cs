using static TorchSharp.torch;

namespace OlnmMl.Torch;

/// <summary>
/// Where TorchSharp computes. CUDA is used automatically when TorchSharp reports it (build with
/// the CUDA package instead of <c>TorchSharp-cpu</c>), unless <see cref="ForceCpu"/>; on CPU,
/// <see cref="Threads"/> &gt; 0 sets libtorch's intra-op thread count.
/// Training on CPU runs on <see cref="TrainingThreads"/> threads of the training thread only: libtorch's
/// multi-threaded CPU backward pass is not bit-reproducible (the same ResNet step on 2 threads gave
/// different gradients from run to run), so by default a training uses one intra-op thread and the
/// same seed gives the same weights; parallelism then comes from running trials concurrently.
/// </summary>
public sealed record TorchDeviceOptions
{
    /// <summary>Use the CPU even when CUDA is available.</summary>
    public bool ForceCpu { get; init; }

    /// <summary>CPU intra-op threads (0 = libtorch default; for training 0 means 1, see <see cref="TrainingThreads"/>).</summary>
    public int Threads { get; init; }

    /// <summary>Intra-op threads a training uses: <see cref="Threads"/>, or 1 (bit-reproducible) when it is 0.</summary>
    public int TrainingThreads => Threads > 0 ? Threads : 1;

    /// <summary>Selects the device and applies the thread setting.</summary>
    public Device Resolve()
    {
        if (Threads > 0)
        {
            set_num_threads(Threads);
        }
        return !ForceCpu && cuda.is_available() ? CUDA : CPU;
    }
}
