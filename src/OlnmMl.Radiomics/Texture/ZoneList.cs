using System.Buffers;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// The zones of a ROI in discovery order (slice by slice): grey level, size (voxel count) and
/// distance to the ROI edge (the minimum over the zone's voxels; 0 without a distance map), in
/// pooled buffers. Dispose after use.
/// </summary>
internal sealed class ZoneList : IDisposable
{
    private int[]? grey;
    private int[]? size;
    private int[]? distance;

    /// <summary>Allocates room for <paramref name="capacity"/> zones and <paramref name="sliceCount"/> slice boundaries.</summary>
    public ZoneList(int capacity, int sliceCount)
    {
        grey = ArrayPool<int>.Shared.Rent(Math.Max(1, capacity));
        size = ArrayPool<int>.Shared.Rent(Math.Max(1, capacity));
        distance = ArrayPool<int>.Shared.Rent(Math.Max(1, capacity));
        SliceStarts = new int[sliceCount + 1];
    }

    /// <summary>Number of zones.</summary>
    public int Count { get; private set; }

    /// <summary>Index of the first zone found in each padded slice z (and Count at the end), for planar labelling.</summary>
    public int[] SliceStarts { get; }

    /// <summary>Zone grey levels.</summary>
    public ReadOnlySpan<int> Grey => grey.AsSpan(0, Count);

    /// <summary>Zone sizes.</summary>
    public ReadOnlySpan<int> Size => size.AsSpan(0, Count);

    /// <summary>Zone distances to the ROI edge.</summary>
    public ReadOnlySpan<int> Distance => distance.AsSpan(0, Count);

    /// <summary>Appends a zone.</summary>
    public void Add(int greyLevel, int zoneSize, int zoneDistance)
    {
        grey![Count] = greyLevel;
        size![Count] = zoneSize;
        distance![Count] = zoneDistance;
        Count++;
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        foreach (var buffer in new[] { grey, size, distance })
        {
            if (buffer is not null)
            {
                ArrayPool<int>.Shared.Return(buffer);
            }
        }

        grey = size = distance = null;
    }
}
