using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Sets libtorch's intra-op (OpenMP) thread count of the calling thread for a scope and restores the
/// previous count on <see cref="Dispose"/>. With OpenMP the count is per calling thread, so concurrent
/// trainings each keep their own; libtorch also records the last value as the start value of threads
/// that have not yet run a parallel op.
/// </summary>
internal readonly struct IntraOpThreads : IDisposable
{
    private readonly int previous;

    private IntraOpThreads(int previous) => this.previous = previous;

    /// <summary>Uses <paramref name="count"/> (≥ 1) threads on this thread until disposed.</summary>
    public static IntraOpThreads Use(int count)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        int previous = get_num_threads();
        set_num_threads(count);
        return new IntraOpThreads(previous);
    }

    /// <summary>Restores the count in force before <see cref="Use"/>.</summary>
    public void Dispose() => set_num_threads(previous);
}
