using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.SweepHost;

namespace OlnmMl.AutoML.Tests;

/// <summary><c>olnm sweep resume --retries N</c>: a trial left Running by a dead process is adopted only while retries are left.</summary>
public class ResumeRetriesTests
{
    [Theory]
    [InlineData(0, TrialStatus.Failed)]
    [InlineData(1, TrialStatus.Complete)]
    public async Task A_resume_reruns_a_dead_process_trial_only_while_retries_are_left(int retries, TrialStatus expected)
    {
        using var folder = new TempDirectory();
        var experiment = SweepRunnerTests.Experiment(trials: 2, parallel: 1) with { Name = "retried" };
        var location = StudyLocation.ForName(experiment.Name, folder.Path);
        using (var store = SqliteStudyStore.Create(location.DatabasePath, new StudyInfo(experiment.Name, ExperimentYaml.Write(experiment), DateTimeOffset.UtcNow)))
        {
            store.StartTrial(new TrialStart(experiment.Space.Sample(new Random(1)), 11, null, null, DateTimeOffset.UtcNow));
        }

        // Trial 0 is Running, claimed by a holder whose process is gone (no one holds the study's file lock).
        using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={location.DatabasePath};Pooling=False"))
        {
            connection.Open();
            using var update = connection.CreateCommand();
            update.CommandText = "UPDATE trials SET holder = 'a process that was killed' WHERE number = 0";
            update.ExecuteNonQuery();
        }

        await Sweeps.ResumeAsync(location.DatabasePath, new TrialFactoryRegistry().Register(new SyntheticTrialFactory(TimeSpan.Zero)), maxRetries: retries);

        using var resumed = SqliteStudyStore.Open(location.DatabasePath);
        var trial = resumed.GetTrial(0);
        Assert.Equal(expected, trial.Status);
        Assert.Equal(expected == TrialStatus.Failed, trial.Error?.Contains("no retries left", StringComparison.Ordinal) == true);
    }
}
