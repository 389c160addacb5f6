using System.Diagnostics;
using System.Text;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Tests;

/// <summary>A sweep in a child process (OlnmMl.AutoML.SweepHost) with its output captured, to be killed or signalled.</summary>
internal sealed class SweepHostProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private SweepHostProcess(params string[] arguments)
    {
        var start = new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "OlnmMl.AutoML.SweepHost.dll"));
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        _process = Process.Start(start)!;
        _process.OutputDataReceived += (_, e) => Append(e.Data);
        _process.ErrorDataReceived += (_, e) => Append(e.Data);
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    public int Id => _process.Id;

    public bool HasExited => _process.HasExited;

    /// <summary>Standard output and error so far, interleaved.</summary>
    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static SweepHostProcess Run(string experimentPath, string studiesDirectory, int delayMs) =>
        new("run", experimentPath, studiesDirectory, delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static SweepHostProcess Resume(string databasePath, int delayMs) =>
        new("resume", databasePath, delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>A PostgreSQL worker on <paramref name="study"/> (created from the experiment by the first worker).</summary>
    public static SweepHostProcess Worker(string connectionString, string study, string experimentPath, string artefactRoot, TimeSpan grace, int delayMs) =>
        new("worker", connectionString, study, experimentPath, artefactRoot,
            ((int)grace.TotalMilliseconds).ToString(System.Globalization.CultureInfo.InvariantCulture),
            delayMs.ToString(System.Globalization.CultureInfo.InvariantCulture));

    /// <summary>Waits for the exit (at most <paramref name="timeout"/>) and returns the exit code.</summary>
    public async Task<int> ExitAsync(TimeSpan timeout)
    {
        using var cancel = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cancel.Token);
        _process.WaitForExit(); // drains the redirected output
        return _process.ExitCode;
    }

    /// <summary>kill -9: no handler runs, the kernel releases the process's locks.</summary>
    public async Task KillAsync()
    {
        _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
    }

    /// <summary>Sends <paramref name="signal"/> (e.g. "INT", "TERM") with kill(1).</summary>
    public void Signal(string signal)
    {
        using var kill = Process.Start("kill", ["-" + signal, Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])!;
        kill.WaitForExit();
    }

    /// <summary>Polls the study until <paramref name="ready"/> holds for its trials; throws when the child exits first.</summary>
    public async Task<IReadOnlyList<TrialRecord>> WaitForTrials(string databasePath, Func<IReadOnlyList<TrialRecord>, bool> ready, string what)
    {
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"The sweep host exited early with code {_process.ExitCode}: {Output}");
            }

            if (File.Exists(databasePath))
            {
                using var store = SqliteStudyStore.Open(databasePath);
                var trials = store.GetTrials();
                if (ready(trials))
                {
                    return trials;
                }
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"The sweep host did not reach '{what}' within 90 s: {Output}");
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private void Append(string? line)
    {
        if (line is not null)
        {
            lock (_output)
            {
                _output.AppendLine(line);
            }
        }
    }
}
