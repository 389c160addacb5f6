namespace OlnmMl.Torch;

/// <summary>
/// Caps the instruction set of libtorch's bundled oneDNN (convolutions) and MKL (matrix products), and of its own vectorised
/// kernels, at AVX2.
/// On this project's 2-core AMD EPYC machines (AVX-512) training returned NaN now and then — never reproducibly for a seed
/// (every run that did not diverge gave bit-identical results), more often under load: 1–6 of the 158 Torch tests failed in
/// each of five runs (NaN losses; after an optimiser step the first layers' weights were NaN), and with a busy core the
/// petct-tiny study had a diverged deep trial in 6 of 8 runs. With these three capped at AVX2 the Torch tests failed 1 test in
/// 1 of 5 runs, and the petct-tiny study had no diverged trial in 10 runs under the same load. Capping oneDNN alone left the
/// pre-training tests failing, MKL alone the fusion and MIL tests. The cause below these libraries was not found.
/// The libraries read their variable once, when first used, so call
/// <see cref="UseAvx2Kernels"/> at program start, before any TorchSharp call (see <see cref="NativeRuntime.ConfigureAtStartup"/>).
/// A value the caller set is kept: <c>ONEDNN_MAX_CPU_ISA=ALL MKL_ENABLE_INSTRUCTIONS=AVX512 ATEN_CPU_CAPABILITY=avx512</c> restores AVX-512.
/// </summary>
public static class NativeKernelIsa
{
    /// <summary>The cap oneDNN reads (<c>ONEDNN_MAX_CPU_ISA</c>).</summary>
    public const string OneDnnVariable = "ONEDNN_MAX_CPU_ISA";

    /// <summary>The cap MKL reads (<c>MKL_ENABLE_INSTRUCTIONS</c>).</summary>
    public const string MklVariable = "MKL_ENABLE_INSTRUCTIONS";

    /// <summary>The cap libtorch's own vectorised kernels read (<c>ATEN_CPU_CAPABILITY</c>).</summary>
    public const string AtenVariable = "ATEN_CPU_CAPABILITY";

    /// <summary>
    /// Sets ONEDNN_MAX_CPU_ISA=AVX2, MKL_ENABLE_INSTRUCTIONS=AVX2 and ATEN_CPU_CAPABILITY=avx2 in the native environment, each
    /// unless the caller set it. Returns false when none was set (not Linux, or all set already).
    /// </summary>
    public static bool UseAvx2Kernels()
    {
        var oneDnn = NativeEnvironment.SetUnlessSet(OneDnnVariable, "AVX2");
        var mkl = NativeEnvironment.SetUnlessSet(MklVariable, "AVX2");
        var aten = NativeEnvironment.SetUnlessSet(AtenVariable, "avx2");
        return oneDnn || mkl || aten;
    }
}
