using System.Runtime.CompilerServices;

namespace OlnmMl.Workflows.Tests;

/// <summary>libtorch's OpenMP threads must not busy-wait on CI's shared cores: set the policy before any torch call.</summary>
internal static class PassiveOpenMp
{
    [ModuleInitializer]
    internal static void Initialise()
    {
        OlnmMl.Torch.OpenMpWaitPolicy.UsePassiveWaiting();
        OlnmMl.Torch.OpenMpWaitPolicy.UseOneIntraOpThread();
    }
}
