using OlnmMl.Cohorts.Manifest;
using System.Collections.Concurrent;
using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// Network-ready crops of study cases through the on-disk <see cref="PreparedCaseCache"/>; crops are
/// also kept in memory while their total stays under <see cref="MemoryBudgetBytes"/>, so trials of a
/// sweep share them without re-reading the disk. Channels: CT, then PET when the case has one.
/// </summary>
public sealed class StudyImages(string cacheDirectory, CropOptions options)
{
    /// <summary>In-memory crop budget (1 GiB).</summary>
    public const long MemoryBudgetBytes = 1L << 30;

    private readonly PreparedCaseCache _cache = new(cacheDirectory);
    private readonly ConcurrentDictionary<string, float[]> _memory = new(StringComparer.Ordinal);
    private long _memoryBytes;

    /// <summary>The crop settings.</summary>
    public CropOptions Options { get; } = options;

    /// <summary>Image channels (1 = CT; 2 = CT + PET) of <paramref name="study"/>'s cases.</summary>
    public static int ChannelsOf(StudyData study) => study.Cases.Any(c => c.Case.Image(ImageKeys.Pet) is not null) ? 2 : 1;

    /// <summary>Length of one case's image vector: channels · edge³.</summary>
    public int ImageLength(int channels) => channels * Options.Edge * Options.Edge * Options.Edge;

    /// <summary>The case's channels concatenated (x fastest within each channel).</summary>
    /// <exception cref="Imaging.VolumeFormatException">The case's files are unreadable, off-grid, or its mask does not fit the crop (the message names the file).</exception>
    public float[] Crop(StudyCase study)
    {
        var id = study.Case.Id;
        if (_memory.TryGetValue(id, out var cached))
        {
            return cached;
        }

        var prepared = _cache.GetOrPrepare(study.Case.ImagePath, study.Case.MaskPath, study.Case.Image(ImageKeys.Pet), Options);
        var image = prepared.Channels.Length == 1 ? prepared.Channels[0] : prepared.Channels.SelectMany(c => c).ToArray();
        if (Interlocked.Add(ref _memoryBytes, image.Length * sizeof(float)) <= MemoryBudgetBytes)
        {
            _memory.TryAdd(id, image);
        }

        return image;
    }

    /// <summary>Prepares every case's crop in parallel (filling the disk cache), reporting (done, total).</summary>
    public void Warm(StudyData study, Action<int, int>? progress = null, CancellationToken cancellationToken = default)
    {
        var done = 0;
        Parallel.ForEach(
            study.Cases,
            new ParallelOptions { CancellationToken = cancellationToken },
            c =>
            {
                Crop(c);
                progress?.Invoke(Interlocked.Increment(ref done), study.Cases.Count);
            });
    }
}
