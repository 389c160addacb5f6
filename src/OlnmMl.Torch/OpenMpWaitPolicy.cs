namespace OlnmMl.Torch;

/// <summary>
/// libtorch's OpenMP threads busy-wait at every barrier by default. On a machine whose cores are
/// shared (CI runners, several jobs on 2 cores) a descheduled thread turns each small op into a long
/// spin: ResNet-18 at 32³ measured 7.3 s → 0.63 s per training step with the passive policy, and
/// the Torch test suite 174 s → 9 s. libgomp reads OMP_WAIT_POLICY once, when libtorch is first
/// loaded, so call <see cref="UsePassiveWaiting"/> at program start, before any TorchSharp call.
/// </summary>
public static class OpenMpWaitPolicy
{
    /// <summary>
    /// Sets OMP_WAIT_POLICY=PASSIVE in the native environment (the .NET Environment API does not
    /// reach getenv on Unix) unless it is already set. Returns false when it had no effect (not
    /// Linux, or already set by the caller).
    /// </summary>
    public static bool UsePassiveWaiting() => NativeEnvironment.SetUnlessSet("OMP_WAIT_POLICY", "PASSIVE");

    /// <summary>
    /// Sets OMP_NUM_THREADS=1 in the native environment unless the caller set it: libtorch's
    /// multi-threaded CPU kernels (backward of 3D convolutions in particular) sum in a
    /// thread-dependent order, so the same seed gave different weights from one training to the next
    /// in one process (FusionTrainerTests), and setting the count per training thread at run time did
    /// not reach every kernel. One intra-op thread makes a training bit-reproducible; parallelism comes
    /// from running trials and cases in parallel. Set OMP_NUM_THREADS yourself to trade that for speed.
    /// Call at program start, before any TorchSharp call. Returns false when it had no effect.
    /// </summary>
    public static bool UseOneIntraOpThread() => NativeEnvironment.SetUnlessSet("OMP_NUM_THREADS", "1");

    /// <summary>
    /// The native environment's value of <paramref name="name"/> (what libgomp reads, including what
    /// <see cref="UsePassiveWaiting"/> and <see cref="UseOneIntraOpThread"/> set), or null when unset or not on Linux.
    /// </summary>
    public static string? NativeValue(string name) => NativeEnvironment.Get(name);
}
