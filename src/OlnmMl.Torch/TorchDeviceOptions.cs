using static TorchSharp.torch;

namespace OlnmMl.Torch;

/// <summary>
/// Where TorchSharp computes. CUDA is used automatically when TorchSharp reports it (build with
/// the CUDA package instead of <c>TorchSharp-cpu</c>), unless <see cref="ForceCpu"/>; on CPU,
/// <see cref="Threads"/> &gt; 0 sets libtorch's intra-op thread count.
/// </summary>
public sealed record TorchDeviceOptions
{
    /// <summary>Use the CPU even when CUDA is available.</summary>
    public bool ForceCpu { get; init; }

    /// <summary>CPU intra-op threads (0 = libtorch default).</summary>
    public int Threads { get; init; }

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
