using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// Settings of the main job. Defaults: the experiment's synthetic cohort (quick for the quickstart) under <c>data/</c>, the embedded
/// quickstart experiment and radiomics recipe, results under <c>reports/</c>.
/// </summary>
public sealed record MainJobOptions
{
    /// <summary>Synthetic cohort size; null = the experiment's <c>synthetic:NAME</c> source.</summary>
    public CohortPreset? Preset { get; init; }

    /// <summary>Seed of the synthetic cohort.</summary>
    public ulong CohortSeed { get; init; } = 42;

    /// <summary>Folder holding generated cohorts (one sub-folder per preset and seed) and their radiomics tables.</summary>
    public string DataDirectory { get; init; } = "data";

    /// <summary>Folder of the results: study, leaderboard, report, ONNX model.</summary>
    public string OutputDirectory { get; init; } = "reports";

    /// <summary>
    /// Folder of the study databases, where <c>olnm sweep status|list|leaderboard|resume</c> and <c>olnm report</c> look
    /// (<c>olnm run</c> passes its <c>--studies</c>, default <c>studies</c>); null = <c>OUT/studies</c>. The study is
    /// <c>STUDIES/EXPERIMENT-DATA.db</c> (<see cref="MainJob.StudyOf"/>).
    /// </summary>
    public string? StudiesDirectory { get; init; }

    /// <summary>Experiment YAML; null = the embedded quickstart.</summary>
    public string? ExperimentPath { get; init; }

    /// <summary>Radiomics recipe YAML; null = the embedded main-job recipe.</summary>
    public string? RadiomicsSettingsPath { get; init; }

    /// <summary>Threads per deep-learning trial (0 = libtorch's default).</summary>
    public int TorchThreads { get; init; }
}
