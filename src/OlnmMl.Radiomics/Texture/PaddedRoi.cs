using System.Buffers;
using System.Runtime.InteropServices;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// The ROI cropped to the bounding box of its intensity and morphological masks and padded by
/// <see cref="Pad"/> voxels of background on every side, so that kernels can read any neighbour
/// within <see cref="Pad"/> without bounds checks. Grey levels are 1..<see cref="LevelCount"/>
/// inside the intensity mask and 0 elsewhere (x fastest). Buffers are pooled: dispose after use.
/// </summary>
internal sealed class PaddedRoi : IDisposable
{
    private int[]? grey;
    private byte[]? morphology;

    private PaddedRoi(int pad, int nx, int ny, int nz, int levelCount)
    {
        Pad = pad;
        Nx = nx;
        Ny = ny;
        Nz = nz;
        LevelCount = levelCount;
    }

    /// <summary>Background margin on each side.</summary>
    public int Pad { get; }

    /// <summary>Padded extent along x.</summary>
    public int Nx { get; }

    /// <summary>Padded extent along y.</summary>
    public int Ny { get; }

    /// <summary>Padded extent along z.</summary>
    public int Nz { get; }

    /// <summary>Number of grey levels N<sub>g</sub>.</summary>
    public int LevelCount { get; }

    /// <summary>Number of voxels in the intensity mask.</summary>
    public int VoxelCount { get; private set; }

    /// <summary>Padded voxel count.</summary>
    public int Length => Nx * Ny * Nz;

    /// <summary>Linear index step of one voxel along z.</summary>
    public int StrideZ => Nx * Ny;

    /// <summary>Grey levels (0 outside the intensity mask).</summary>
    public ReadOnlySpan<int> Grey => grey.AsSpan(0, Length);

    /// <summary>Morphological mask (1 inside); only when created with morphology.</summary>
    public ReadOnlySpan<byte> Morphology =>
        morphology is null ? throw new InvalidOperationException("This ROI was created without its morphological mask.") : morphology.AsSpan(0, Length);

    /// <summary>Linear index of padded coordinates.</summary>
    public int Index(int x, int y, int z) => x + Nx * (y + Ny * z);

    /// <summary>Linear offset of a displacement (dx, dy, dz).</summary>
    public int Offset(int dx, int dy, int dz) => dx + Nx * (dy + Ny * dz);

    /// <summary>Crops and pads <paramref name="roi"/>; validates its arrays and grey levels.</summary>
    public static PaddedRoi Create(DiscretisedRoi roi, int pad, bool withMorphology)
    {
        ArgumentNullException.ThrowIfNull(roi);
        Validate(roi);
        var size = roi.Size;
        int x0 = int.MaxValue, y0 = int.MaxValue, z0 = int.MaxValue, x1 = -1, y1 = -1, z1 = -1;
        var morphologyBytes = MemoryMarshal.Cast<bool, byte>(roi.MorphologicalMask.AsSpan());
        var sliceLength = size.X * size.Y;
        var (first, last) = Extent(roi.GreyLevels.AsSpan());
        if (withMorphology)
        {
            (first, last) = Union((first, last), Extent<byte>(morphologyBytes));
        }

        var (zFirst, zLast) = first < 0 ? (0, -1) : (first / sliceLength, last / sliceLength);
        for (var z = zFirst; z <= zLast; z++)
        {
            for (var y = 0; y < size.Y; y++)
            {
                var start = size.Index(0, y, z);
                var row = Extent(roi.GreyLevels.AsSpan(start, size.X));
                if (withMorphology)
                {
                    row = Union(row, Extent(morphologyBytes.Slice(start, size.X)));
                }

                if (row.First < 0)
                {
                    continue;
                }

                x0 = Math.Min(x0, row.First);
                x1 = Math.Max(x1, row.Last);
                y0 = Math.Min(y0, y);
                y1 = Math.Max(y1, y);
                z0 = Math.Min(z0, z);
                z1 = Math.Max(z1, z);
            }
        }

        var empty = x1 < 0;
        var (bx, by, bz) = empty ? (0, 0, 0) : (x1 - x0 + 1, y1 - y0 + 1, z1 - z0 + 1);
        var padded = new PaddedRoi(pad, bx + 2 * pad, by + 2 * pad, bz + 2 * pad, roi.LevelCount);
        padded.Fill(roi, x0, y0, z0, bx, by, bz, withMorphology);
        return padded;
    }

    /// <summary>First and last index of a non-zero element, (−1, −1) when there is none (vectorised).</summary>
    private static (int First, int Last) Extent<T>(ReadOnlySpan<T> row)
        where T : unmanaged, IEquatable<T>
    {
        var first = row.IndexOfAnyExcept(default(T));
        return first < 0 ? (-1, -1) : (first, row.LastIndexOfAnyExcept(default(T)));
    }

    /// <summary>The smallest range covering both extents; (−1, −1) stands for none.</summary>
    private static (int First, int Last) Union((int First, int Last) a, (int First, int Last) b) =>
        a.First < 0 ? b : b.First < 0 ? a : (Math.Min(a.First, b.First), Math.Max(a.Last, b.Last));

    private static void Validate(DiscretisedRoi roi)
    {
        var count = roi.Size.Count;
        if (roi.GreyLevels is null || roi.GreyLevels.LongLength != count)
        {
            throw new ArgumentException(
                $"DiscretisedRoi.GreyLevels must hold {count} voxels for a {roi.Size} grid, got {roi.GreyLevels?.LongLength ?? 0}.", nameof(roi));
        }

        if (roi.MorphologicalMask is null || roi.MorphologicalMask.LongLength != count)
        {
            throw new ArgumentException(
                $"DiscretisedRoi.MorphologicalMask must hold {count} voxels for a {roi.Size} grid, got {roi.MorphologicalMask?.LongLength ?? 0}.", nameof(roi));
        }

        if (roi.LevelCount < 1)
        {
            throw new ArgumentException($"DiscretisedRoi.LevelCount must be at least 1, got {roi.LevelCount}.", nameof(roi));
        }
    }

    private void Fill(DiscretisedRoi roi, int x0, int y0, int z0, int bx, int by, int bz, bool withMorphology)
    {
        grey = ArrayPool<int>.Shared.Rent(Length);
        Array.Clear(grey, 0, Length);
        if (withMorphology)
        {
            morphology = ArrayPool<byte>.Shared.Rent(Length);
            Array.Clear(morphology, 0, Length);
        }

        var voxels = 0;
        for (var z = 0; z < bz; z++)
        {
            for (var y = 0; y < by; y++)
            {
                var source = roi.Size.Index(x0, y0 + y, z0 + z);
                var target = Index(Pad, Pad + y, Pad + z);
                for (var x = 0; x < bx; x++)
                {
                    var g = roi.GreyLevels[source + x];
                    if (g < 0 || g > LevelCount)
                    {
                        throw new ArgumentException(
                            $"DiscretisedRoi.GreyLevels holds {g} at voxel ({x0 + x}, {y0 + y}, {z0 + z}); grey levels must lie in 0..{LevelCount} (LevelCount).",
                            nameof(roi));
                    }

                    grey[target + x] = g;
                    voxels += g > 0 ? 1 : 0;
                    if (morphology is not null && roi.MorphologicalMask[source + x])
                    {
                        morphology[target + x] = 1;
                    }
                }
            }
        }

        VoxelCount = voxels;
    }

    /// <summary>Number of intensity-mask voxels in padded slice <paramref name="z"/>.</summary>
    public int SliceVoxelCount(int z)
    {
        var count = 0;
        foreach (var g in Grey.Slice(z * StrideZ, StrideZ))
        {
            count += g > 0 ? 1 : 0;
        }

        return count;
    }

    /// <summary>Returns the pooled buffers.</summary>
    public void Dispose()
    {
        if (grey is not null)
        {
            ArrayPool<int>.Shared.Return(grey);
            grey = null;
        }

        if (morphology is not null)
        {
            ArrayPool<byte>.Shared.Return(morphology);
            morphology = null;
        }
    }
}
