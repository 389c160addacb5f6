using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Jobs;

/// <summary>An experiment's data made ready for trials: manifest, radiomics table, joined study and crop provider.</summary>
/// <param name="Experiment">The experiment.</param>
/// <param name="ExperimentPath">Its YAML file.</param>
/// <param name="RadiomicsSettingsPath">The radiomics recipe used.</param>
/// <param name="ManifestPath">The cohort manifest.</param>
/// <param name="DataLabel">A short name of the data (e.g. quick-seed42), used in folder names.</param>
/// <param name="RadiomicsTablePath">The wide radiomics table.</param>
/// <param name="Data">Cases joined with their radiomics.</param>
/// <param name="Images">Network-ready crops.</param>
public sealed record PreparedStudy(
    ExperimentDefinition Experiment,
    string ExperimentPath,
    string RadiomicsSettingsPath,
    string ManifestPath,
    string DataLabel,
    string RadiomicsTablePath,
    StudyData Data,
    StudyImages Images)
{
    /// <summary>The trial kinds of the study: radiomics-svm, clinical, deep and fusion.</summary>
    public StudyTrials Trials(int torchThreads = 0) => new(
        new RadiomicsSvmTrial(Data),
        new ClinicalTrial(Data),
        FusionTrial.DeepOnly(Data, Images, torchThreads),
        FusionTrial.Fused(Data, Images, torchThreads));

    /// <summary>The trial kinds as the sweep runner's registry.</summary>
    public TrialFactoryRegistry Registry(int torchThreads = 0) => Trials(torchThreads).Registry();
}
