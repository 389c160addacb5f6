namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// One worker's image and mask arrays, reused across cases of the same voxel count (the centres have a handful of
/// grid sizes), so streaming a study allocates no per-case volume. Not thread-safe: one instance per worker; the
/// arrays are overwritten by the next case of that size, so a case must be written before the next is created.
/// </summary>
internal sealed class VoxelBuffers
{
    private readonly Dictionary<long, (float[] Image, float[] Mask)> _bySize = [];

    /// <summary>Two arrays of <paramref name="count"/> floats (contents unspecified: the renderer writes every voxel).</summary>
    public (float[] Image, float[] Mask) Get(long count)
    {
        if (!_bySize.TryGetValue(count, out var pair))
        {
            pair = (new float[count], new float[count]);
            _bySize[count] = pair;
        }

        return pair;
    }
}
