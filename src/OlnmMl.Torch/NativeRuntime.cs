namespace OlnmMl.Torch;

/// <summary>The native settings every process that runs libtorch applies once, at start, before any TorchSharp call.</summary>
public static class NativeRuntime
{
    /// <summary>
    /// Passive OpenMP waiting and one intra-op thread (<see cref="OpenMpWaitPolicy"/>), and oneDNN, MKL and libtorch's own
    /// kernels capped at AVX2 (<see cref="NativeKernelIsa"/>); each only where the caller has not set the variable.
    /// </summary>
    public static void ConfigureAtStartup()
    {
        OpenMpWaitPolicy.UsePassiveWaiting();
        OpenMpWaitPolicy.UseOneIntraOpThread();
        NativeKernelIsa.UseAvx2Kernels();
    }
}
