using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// Slice bags of study cases (2.5D multi-instance inputs), made by the study's <see cref="SliceBagOptions"/> through the
/// on-disk <see cref="SliceBagCache"/> and kept in memory (<see cref="CaseMemory{T}"/>) while their total stays within
/// <see cref="MemoryBudgetBytes"/>, so the trials of a sweep share them without re-reading the disk. One case's bag holds
/// 1 to <see cref="SliceBagOptions.MaxInstances"/> instances of <see cref="SliceBagOptions.InstanceLength"/> floats.
/// </summary>
public sealed class StudyBags(string cacheDirectory, SliceBagOptions options)
{
    /// <summary>In-memory budget for bags (1 GiB).</summary>
    public const long MemoryBudgetBytes = 1L << 30;

    private readonly SliceBagCache _cache = new(cacheDirectory);
    private readonly CaseMemory<SliceBag> _memory = new(MemoryBudgetBytes, bag => bag.Values.LongLength * sizeof(float));

    /// <summary>The slice-bag recipe.</summary>
    public SliceBagOptions Options { get; } = options;

    /// <summary>The bag of <paramref name="study"/>: memory, then disk, then prepared from its images. A memory hit allocates nothing.</summary>
    /// <exception cref="Imaging.VolumeFormatException">The case's files are unreadable, off-grid, lack an image the recipe needs, or its mask is empty (the message names the file).</exception>
    public SliceBag Bag(StudyCase study) =>
        _memory.GetOrAdd(study.Case.Id, (Bags: this, Case: study), static state => state.Bags._cache.GetOrPrepare(state.Case.Case.Images, state.Bags.Options));

    /// <summary>Prepares every case's bag of <paramref name="cases"/> in parallel (filling the disk cache), reporting (done, total).</summary>
    public void Warm(IReadOnlyList<StudyCase> cases, Action<int, int>? progress = null, CancellationToken cancellationToken = default) =>
        CasePreparation.Run(cases, c => Bag(c), progress, cancellationToken);
}
