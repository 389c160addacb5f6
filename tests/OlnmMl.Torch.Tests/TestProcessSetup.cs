using System.Runtime.CompilerServices;

namespace OlnmMl.Torch.Tests;

/// <summary>Passive OpenMP waiting for the whole test run (see <see cref="Torch.OpenMpWaitPolicy"/>), set before torch loads.</summary>
internal static class TestProcessSetup
{
#pragma warning disable CA2255 // a test assembly is the place for process-wide setup
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void UsePassiveOpenMpWaiting()
    {
        Torch.OpenMpWaitPolicy.UsePassiveWaiting();
        Torch.OpenMpWaitPolicy.UseOneIntraOpThread();
    }
}
