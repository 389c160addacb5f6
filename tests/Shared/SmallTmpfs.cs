using System.Diagnostics;

namespace OlnmMl.Tests.Shared;

/// <summary>
/// A real full file system for fault-injection tests: a tmpfs of a few MiB mounted for one test and
/// unmounted on dispose. Needs root and mount; <see cref="TryMount"/> returns null elsewhere so the
/// caller can skip with a message.
/// </summary>
internal sealed class SmallTmpfs : IDisposable
{
    private SmallTmpfs(string root) => Root = root;

    /// <summary>The mount point.</summary>
    public string Root { get; }

    /// <summary>Mounts a tmpfs of <paramref name="mebibytes"/> MiB, or returns null where that is not allowed.</summary>
    public static SmallTmpfs? TryMount(int mebibytes)
    {
        if (!OperatingSystem.IsLinux() || Environment.UserName != "root" || !File.Exists("/bin/mount"))
        {
            return null;
        }

        var root = Directory.CreateTempSubdirectory("olnm-tmpfs-").FullName;
        if (Run("/bin/mount", "-t", "tmpfs", "-o", $"size={mebibytes}m", "tmpfs", root))
        {
            return new SmallTmpfs(root);
        }

        Directory.Delete(root);
        return null;
    }

    public void Dispose()
    {
        Run("/bin/umount", Root);
        Directory.Delete(Root, recursive: true);
    }

    private static bool Run(string program, params string[] arguments)
    {
        using var process = Process.Start(new ProcessStartInfo(program, arguments) { RedirectStandardError = true, UseShellExecute = false })!;
        process.WaitForExit();
        return process.ExitCode == 0;
    }
}
