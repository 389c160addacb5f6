using System.Runtime.CompilerServices;

namespace OlnmMl.Tests.Shared;

/// <summary>
/// Every test assembly that runs libtorch applies the native settings <c>olnm</c> applies (passive OpenMP waiting, one
/// intra-op thread, oneDNN and MKL capped at AVX2: <see cref="Torch.NativeRuntime.ConfigureAtStartup"/>) before any torch call.
/// </summary>
internal static class TorchProcessSetup
{
#pragma warning disable CA2255 // a test assembly is the place for process-wide setup
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void Configure() => Torch.NativeRuntime.ConfigureAtStartup();
}
