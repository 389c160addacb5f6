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
    /// <summary>The trial kinds of the study: radiomics-svm, deep and fusion.</summary>
    public TrialFactoryRegistry Registry(int torchThreads = 0) => new TrialFactoryRegistry()
        .Register(new RadiomicsSvmTrial(Data))
        .Register(FusionTrial.DeepOnly(Data, Images, torchThreads))
        .Register(FusionTrial.Fused(Data, Images, torchThreads));
}
