namespace OlnmMl.Cohorts.Synthetic;

/// <summary>Options of <see cref="SyntheticCohortGenerator.Generate"/>.</summary>
public sealed record SyntheticCohortOptions
{
    /// <summary>Folder that receives images/, masks/, manifest.csv, datalist.json and the completion marker.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Study size (default <see cref="CohortPreset.Quick"/>).</summary>
    public CohortPreset Preset { get; init; } = CohortPreset.Quick;

    /// <summary>Random seed: the same seed and preset give byte-identical files.</summary>
    public ulong Seed { get; init; } = 42;

    /// <summary>Number of volumes of the <see cref="CohortPreset.Unlabeled"/> preset (the other presets have fixed sizes).</summary>
    public int Count { get; init; } = 300;

    /// <summary>Cases generated at once (each worker holds one case's volumes); 0 or less = one per processor.</summary>
    public int MaxDegreeOfParallelism { get; init; } = -1;
}

/// <summary>Progress of a generation: <paramref name="Completed"/> of <paramref name="Total"/> cases, the last one finished.</summary>
/// <param name="Completed">Cases written (or found complete) so far.</param>
/// <param name="Total">Cases in the study.</param>
/// <param name="CaseId">Id of the case just finished.</param>
public readonly record struct CohortProgress(int Completed, int Total, string CaseId);

/// <summary>What a generation produced.</summary>
/// <param name="OutputDirectory">The output folder.</param>
/// <param name="ManifestPath">manifest.csv.</param>
/// <param name="DatalistPath">datalist.json (MONAI decathlon layout).</param>
/// <param name="CaseCount">Number of cases.</param>
/// <param name="Reused">True when a complete output of the same generator version, preset and seed was found and kept.</param>
public sealed record SyntheticCohortResult(string OutputDirectory, string ManifestPath, string DatalistPath, int CaseCount, bool Reused);

/// <summary>What an unlabelled generation produced.</summary>
/// <param name="OutputDirectory">The output folder (the <c>--data</c> of <c>olnm pretrain</c>).</param>
/// <param name="ImagesDirectory">images/ (the CTs; masks/ beside it).</param>
/// <param name="VolumeCount">Number of volumes.</param>
/// <param name="Reused">True when a complete output of the same generator version, count and seed was found and kept.</param>
public sealed record UnlabeledCohortResult(string OutputDirectory, string ImagesDirectory, int VolumeCount, bool Reused);
