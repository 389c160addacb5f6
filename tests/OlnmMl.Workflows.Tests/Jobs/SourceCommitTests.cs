using System.Diagnostics;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests.Jobs;

/// <summary>The commit stamped at build (build/SourceCommit.targets) and read back without git.</summary>
public sealed class SourceCommitTests
{
    [SkippableFact]
    public void CurrentIsTheCheckoutsHead()
    {
        var head = GitHead();
        Skip.If(head is null, "not built from a git checkout (or git is absent): the stamp is 'unknown' by design");

        Assert.Equal(head, SourceCommit.Current);
    }

    [Fact]
    public void AnAssemblyWithoutTheStampIsUnknown() =>
        Assert.Equal(SourceCommit.Unknown, SourceCommit.Of(typeof(object).Assembly));

    private static string? GitHead()
    {
        try
        {
            using var git = Process.Start(new ProcessStartInfo("git", "rev-parse HEAD")
            {
                WorkingDirectory = AppContext.BaseDirectory,
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            var output = git.StandardOutput.ReadToEnd().Trim();
            git.WaitForExit();
            return git.ExitCode == 0 ? output : null;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return null;
        }
    }
}
