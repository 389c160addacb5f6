namespace OlnmMl.Tests.Shared;

/// <summary>
/// Signal dispositions this test process inherited. A shell without job control starts background jobs with SIGINT
/// ignored (<c>( cmd &amp; )</c>, <c>nohup … &amp;</c> from a script), and an ignored signal stays ignored in every child
/// across exec, so a test that sends SIGINT to a child it started cannot work there: it says so and is skipped.
/// </summary>
internal static class InheritedSignals
{
    /// <summary>Why a SIGINT sent to a child would be ignored, or null when it is delivered (or this is not Linux).</summary>
    public static string? SigintIgnoredReason()
    {
        const string status = "/proc/self/status";
        if (!OperatingSystem.IsLinux() || !File.Exists(status))
        {
            return null;
        }

        var line = File.ReadLines(status).FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        var mask = line is null ? 0UL : Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16);
        return (mask & (1UL << 1)) != 0 // bit n−1 is signal n; SIGINT = 2
            ? "SIGINT is ignored in this process (inherited from a shell without job control, e.g. a background job of a script), so its children ignore it too; run the tests in the foreground"
            : null;
    }
}
