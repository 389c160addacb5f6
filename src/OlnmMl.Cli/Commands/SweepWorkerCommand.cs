using System.CommandLine;
using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Postgres;
using OlnmMl.Cli.Terminal;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Commands;

/// <summary>
/// <c>olnm sweep worker --storage postgresql://… --study NAME [--experiment FILE]</c>: one of any number of workers
/// (machines, cluster jobs) running one study in a PostgreSQL database; the first creates the study from the
/// experiment, the others join it, and each ends when no trial is left to propose or open.
/// </summary>
internal static class SweepWorkerCommand
{
    public static Command Create()
    {
        var common = new CommonOptions();
        var storage = StudyStorage.StorageOption();
        storage.Required = true;
        var study = new Option<string>("--study") { Description = "Study name in the database.", Required = true };
        var experimentFile = new Option<string?>("--experiment") { Description = "Experiment YAML: creates the study when missing, and must equal the stored one when present." };
        var artefacts = StudyStorage.ArtefactsOption();
        var grace = new Option<double>("--grace") { Description = "Seconds without heartbeat after which a worker counts as dead and its trial is retried.", DefaultValueFactory = _ => 60 };
        var retries = StudyStorage.RetriesOption();
        var command = new Command("worker", "Work on a PostgreSQL study beside other workers (claims trials with leases and heartbeats).")
        {
            storage, study, experimentFile, artefacts, grace, retries,
        };
        common.AddTo(command);
        CommandAction.Set(command, (parse, cancellation) =>
        {
            var uri = parse.GetValue(storage)!;
            StudyStorage.RequirePostgres(uri);
            var name = parse.GetValue(study)!;
            var path = parse.GetValue(experimentFile);
            // Storage, login and the stored experiment are checked before the (long) data preparation.
            var experiment = PostgresSweeps.RequireJoinable(uri, name, path is null ? null : ExperimentYaml.Load(path));
            var artefactRoot = parse.GetValue(artefacts) ?? StudyLocation.ForName(name).ArtefactRoot;
            var options = common.Read(parse, Path.GetDirectoryName(Path.GetFullPath(artefactRoot))!);
            var prepared = MainJob.Prepare(experiment, path ?? artefactRoot, options, new JobProgress(), cancellation);
            StudySnapshot.Write(prepared, artefactRoot);
            var inputs = RecordedInputs.Of(prepared, options);
            var leases = new PostgresLeaseOptions(TimeSpan.FromSeconds(parse.GetValue(grace)), parse.GetValue(retries));
            var summary = ProgressDisplay.Run("worker", report => PostgresSweeps.WorkAsync(
                uri, name, path is null ? null : experiment, prepared.Registry(parse.GetValue(common.TorchThreads)), artefactRoot, leases,
                new SweepProgressAdapter(report), inputs, cancellation).GetAwaiter().GetResult());
            Output.Line($"{summary}");
            return Task.FromResult(0);
        });
        return command;
    }
}
