using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Store;

namespace OlnmMl.Workflows.Jobs;

/// <summary>The experiment a study was created from, read back from the study database (so resume and report need only the study).</summary>
public static class StoredExperiment
{
    /// <summary>The study's location and experiment; <paramref name="study"/> is a .db path or a name under <paramref name="studiesDirectory"/>.</summary>
    public static (StudyLocation Location, ExperimentDefinition Experiment) Load(string study, string studiesDirectory = StudyLocation.DefaultDirectory)
    {
        var location = StudyLocation.Resolve(study, studiesDirectory);
        if (!File.Exists(location.DatabasePath))
        {
            throw new FileNotFoundException($"{location.DatabasePath}: no such study", location.DatabasePath);
        }

        using var store = SqliteStudyStore.Open(location.DatabasePath);
        return (location, ExperimentYaml.Read(store.Study.Definition, location.DatabasePath));
    }
}
