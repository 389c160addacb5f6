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
/// <param name="Bags">Slice bags (2.5D instances) for the multi-instance kinds.</param>
/// <param name="CohortSeed">Seed of the synthetic cohort the data was generated with; null when the data is a user's manifest.</param>
public sealed record PreparedStudy(
    ExperimentDefinition Experiment,
    string ExperimentPath,
    string RadiomicsSettingsPath,
    string ManifestPath,
    string DataLabel,
    string RadiomicsTablePath,
    StudyData Data,
    StudyImages Images,
    StudyBags Bags,
    ulong? CohortSeed)
{
    /// <summary>The one registration table of the study's trial kinds: name and how the kind is made for a study.</summary>
    private static readonly (string Name, TrialInput Reads, Func<PreparedStudy, int, IStudyTrial> Create)[] Kinds =
    [
        ("radiomics-svm", TrialInput.Table, (study, _) => new RadiomicsSvmTrial(study.Data)),
        ("clinical", TrialInput.Table, (study, _) => new ClinicalTrial(study.Data)),
        (TabularSearchTrial.KindName, TrialInput.Table, (study, _) => new TabularSearchTrial(study.Data)),
        ("deep", TrialInput.Crops, (study, threads) => FusionTrial.DeepOnly(study.Data, study.Images, threads)),
        ("fusion", TrialInput.Crops, (study, threads) => FusionTrial.Fused(study.Data, study.Images, threads)),
        ("mil", TrialInput.Bags, (study, threads) => new MilTrial(study.Data, study.Bags, threads)),
        ("dlrad", TrialInput.Bags, (study, threads) => new DeepRadiomicsTrial(study.Data, study.Bags, threads)),
    ];

    /// <summary>
    /// Whether a kind the experiment's space can choose (<see cref="ExperimentDefinition.TrialKinds"/>) reads
    /// <paramref name="input"/>: the job prepares crops and bags only for experiments that use them.
    /// </summary>
    public static bool Reads(ExperimentDefinition experiment, TrialInput input) =>
        Kinds.Any(k => k.Reads == input && experiment.TrialKinds.Contains(k.Name));

    /// <summary>The names of the trial kinds a study offers (what an experiment's <c>space.trial</c> may choose).</summary>
    public static IReadOnlyList<string> TrialKindNames { get; } = [.. Kinds.Select(k => k.Name)];

    /// <summary>The trial kinds of the study: radiomics-svm, clinical, tabular-search, deep, fusion, mil and dlrad.</summary>
    public StudyTrials Trials(int torchThreads = 0) => new([.. Kinds.Select(k =>
    {
        var kind = k.Create(this, torchThreads);
        return kind.Name == k.Name ? kind : throw new InvalidOperationException($"Trial kind '{kind.Name}' is registered as '{k.Name}'.");
    })]);

    /// <summary>The trial kinds as the sweep runner's registry.</summary>
    public TrialFactoryRegistry Registry(int torchThreads = 0) => Trials(torchThreads).Registry();
}
