using System.Runtime.InteropServices;
using OlnmMl;
using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Postgres;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.SweepHost;

// Usage: SweepHost run EXPERIMENT.yaml STUDIES_DIR DELAY_MS | SweepHost resume STUDY.db DELAY_MS
//        | SweepHost worker CONNECTION_STRING STUDY EXPERIMENT.yaml ARTEFACT_ROOT GRACE_MS DELAY_MS (a PostgreSQL worker)
// Exit codes as the olnm CLI: 0 done, 1 a user error or an I/O error (printed as one "error:" line, e.g. the study
// is in use, a trial folder cannot be made),
// 130 cancelled by SIGINT or SIGTERM (the interrupted trials are marked so).
if (args.Length < 3)
{
    Console.Error.WriteLine("usage: SweepHost run EXPERIMENT.yaml STUDIES_DIR DELAY_MS | SweepHost resume STUDY.db DELAY_MS"
        + " | SweepHost worker CONNECTION_STRING STUDY EXPERIMENT.yaml ARTEFACT_ROOT GRACE_MS DELAY_MS");
    return 2;
}

using var cancel = new CancellationTokenSource();
void OnSignal(PosixSignalContext context)
{
    context.Cancel = true;
    cancel.Cancel();
}

using var interrupt = PosixSignalRegistration.Create(PosixSignal.SIGINT, OnSignal);
using var terminate = PosixSignalRegistration.Create(PosixSignal.SIGTERM, OnSignal);
var delay = TimeSpan.FromMilliseconds(int.Parse(args[^1], System.Globalization.CultureInfo.InvariantCulture));
OlnmMl.Torch.NativeRuntime.ConfigureAtStartup();
var registry = new TrialFactoryRegistry().Register(new SyntheticTrialFactory(delay)).Register(new DeepTrialFactory());
var progress = new PlainLineProgress(Console.Out);
Console.WriteLine($"pid {Environment.ProcessId}");
try
{
    var summary = args[0] switch
    {
        "resume" => await Sweeps.ResumeAsync(args[1], registry, progress, cancellationToken: cancel.Token),
        "worker" => await PostgresSweeps.WorkAsync(
            args[1], args[2], ExperimentYaml.Load(args[3]), registry, args[4],
            new PostgresLeaseOptions(TimeSpan.FromMilliseconds(int.Parse(args[5], System.Globalization.CultureInfo.InvariantCulture)), MaxRetries: 2),
            progress, cancellationToken: cancel.Token),
        _ => await Sweeps.RunAsync(args[1], registry, progress, args[2], cancel.Token),
    };
    Console.WriteLine($"done: {summary}");
    return 0;
}
catch (OperationCanceledException)
{
    Console.Error.WriteLine("cancelled");
    return 130;
}
catch (Exception e) when (e is OlnmUserException or IOException)
{
    Console.Error.WriteLine($"error: {e.Message}");
    return 1;
}
