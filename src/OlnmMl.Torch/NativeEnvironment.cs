using System.Runtime.InteropServices;

namespace OlnmMl.Torch;

/// <summary>
/// The process's native environment (what libgomp, oneDNN and MKL read with <c>getenv</c>): on Unix the .NET Environment API
/// keeps its own copy and never reaches it.
/// </summary>
internal static partial class NativeEnvironment
{
    /// <summary>The native value of <paramref name="name"/>, or null when unset; off Linux, the .NET environment's value.</summary>
    public static string? Get(string name) =>
        OperatingSystem.IsLinux() ? Marshal.PtrToStringUTF8(GetEnvironment(name)) : Environment.GetEnvironmentVariable(name);

    /// <summary>
    /// Sets <paramref name="name"/> to <paramref name="value"/> unless it is set already. Returns false when it had no effect
    /// (not Linux, or set by the caller).
    /// </summary>
    public static bool SetUnlessSet(string name, string value) =>
        OperatingSystem.IsLinux() && Environment.GetEnvironmentVariable(name) is null && Get(name) is null && SetEnvironment(name, value, 0) == 0;

    [LibraryImport("libc", EntryPoint = "getenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial IntPtr GetEnvironment(string name);

    [LibraryImport("libc", EntryPoint = "setenv", StringMarshalling = StringMarshalling.Utf8)]
    private static partial int SetEnvironment(string name, string value, int overwrite);
}
