using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// Network-ready image inputs of study cases, made by the study's image recipe (<see cref="CropOptions"/>: channels by
/// image key, spacing, cube edge) through the on-disk <see cref="PreparedCaseCache"/>; inputs are also kept in memory
/// while their total stays under <see cref="MemoryBudgetBytes"/>, so trials of a sweep share them without re-reading
/// the disk. One case's input is <see cref="CropOptions.Length"/> floats of shape <see cref="CropOptions.Shape"/>.
/// </summary>
public sealed class StudyImages(string cacheDirectory, CropOptions options)
{
    /// <summary>In-memory budget for image inputs (1 GiB).</summary>
    public const long MemoryBudgetBytes = 1L << 30;

    private readonly PreparedCaseCache _cache = new(cacheDirectory);
    private readonly CaseMemory<float[]> _memory = new(MemoryBudgetBytes, image => image.LongLength * sizeof(float));

    /// <summary>The image recipe.</summary>
    public CropOptions Options { get; } = options;

    /// <summary>The case's channels concatenated in recipe order (x fastest within each channel), shape <see cref="CropOptions.Shape"/>.</summary>
    /// <exception cref="Imaging.VolumeFormatException">The case's files are unreadable, off-grid, lack an image the recipe needs, or its mask does not fit the crop (the message names the file).</exception>
    public float[] Crop(StudyCase study) => _memory.GetOrAdd(study.Case.Id, (Images: this, Case: study), static state => state.Images.Prepare(state.Case));

    /// <summary>The inputs of <paramref name="cases"/> side by side ([n, C, D, H, W], case-major) in one array.</summary>
    public float[] Batch(IReadOnlyList<StudyCase> cases)
    {
        var length = Options.Length;
        var batch = new float[cases.Count * length];
        for (var i = 0; i < cases.Count; i++)
        {
            Crop(cases[i]).CopyTo(batch.AsSpan(i * length, length));
        }

        return batch;
    }

    /// <summary>Prepares every case's input in parallel (filling the disk cache), reporting (done, total).</summary>
    public void Warm(StudyData study, Action<int, int>? progress = null, CancellationToken cancellationToken = default) =>
        CasePreparation.Run(study.Cases, c => Crop(c), progress, cancellationToken);

    private float[] Prepare(StudyCase study)
    {
        var prepared = _cache.GetOrPrepare(study.Case.Images, Options);
        if (prepared.Channels.Length == 1)
        {
            return prepared.Channels[0];
        }

        var image = new float[Options.Length];
        prepared.CopyChannelsTo(image);
        return image;
    }
}
