using System.Reflection;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// The git commit of the code that runs, as the build stamped it (<c>build/SourceCommit.targets</c>:
/// <c>[assembly: AssemblyMetadata("SourceCommit", …)]</c> from <c>git rev-parse HEAD</c>); read without git at run time.
/// </summary>
public static class SourceCommit
{
    /// <summary>The value when the build was not made from a git checkout (or the stamp is missing).</summary>
    public const string Unknown = "unknown";

    /// <summary>The commit this assembly was built from: 40 hex digits, or <see cref="Unknown"/>.</summary>
    public static string Current { get; } = Of(typeof(SourceCommit).Assembly);

    /// <summary>The commit stamped on <paramref name="assembly"/>, or <see cref="Unknown"/> when it carries none.</summary>
    public static string Of(Assembly assembly)
    {
        ArgumentNullException.ThrowIfNull(assembly);
        var value = assembly.GetCustomAttributes<AssemblyMetadataAttribute>().FirstOrDefault(a => a.Key == nameof(SourceCommit))?.Value;
        return string.IsNullOrWhiteSpace(value) ? Unknown : value;
    }
}
