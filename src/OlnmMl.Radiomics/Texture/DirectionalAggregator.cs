using System.Buffers;

namespace OlnmMl.Radiomics.Texture;

/// <summary>Builds one directional matrix: counts along a direction from voxels in padded slices [z0, z1).</summary>
internal delegate void DirectionalKernel(PaddedRoi grid, (int X, int Y, int Z) direction, int z0, int z1, Span<int> counts);

/// <summary>
/// Runs a directional kernel (GLCM, GLRLM) for each IBSI aggregation method requested: per-slice
/// in-plane matrices for BTW3/SUJT/JJUI/ZW7Z and volume matrices for ITBB/IAZD, merging matrices by
/// summing counts (and their voxel counts N<sub>v</sub>) in pooled buffers.
/// </summary>
internal static class DirectionalAggregator
{
    public static void Accumulate<TMatrix>(
        PaddedRoi grid,
        int cells,
        DirectionalKernel kernel,
        TMatrix matrix,
        IReadOnlyDictionary<DirectionalAggregation, FeatureAccumulator<TMatrix>> accumulators)
        where TMatrix : ITextureMatrix
    {
        if (accumulators.Keys.Any(a => a <= DirectionalAggregation.Merged25D))
        {
            AccumulateSlices(grid, cells, kernel, matrix, accumulators);
        }

        if (accumulators.Keys.Any(a => a >= DirectionalAggregation.Averaged3D))
        {
            AccumulateVolume(grid, cells, kernel, matrix, accumulators);
        }
    }

    private static void AccumulateSlices<TMatrix>(
        PaddedRoi grid,
        int cells,
        DirectionalKernel kernel,
        TMatrix matrix,
        IReadOnlyDictionary<DirectionalAggregation, FeatureAccumulator<TMatrix>> accumulators)
        where TMatrix : ITextureMatrix
    {
        var directions = Directions.Planar;
        var nd = directions.Length;
        accumulators.TryGetValue(DirectionalAggregation.Averaged2D, out var averaged);
        accumulators.TryGetValue(DirectionalAggregation.SliceMerged2D, out var sliceMerged);
        accumulators.TryGetValue(DirectionalAggregation.DirectionMerged25D, out var directionMerged);
        accumulators.TryGetValue(DirectionalAggregation.Merged25D, out var merged);

        var buffer = ArrayPool<int>.Shared.Rent(cells * (2 * nd + 1));
        try
        {
            var all = buffer.AsSpan(0, cells * (2 * nd + 1));
            all.Clear();
            var slice = all[..(cells * nd)];
            var perDirection = all.Slice(cells * nd, cells * nd);
            var sliceSum = all.Slice(2 * cells * nd, cells);
            long voxels = 0;
            for (var z = grid.Pad; z < grid.Nz - grid.Pad; z++)
            {
                var nv = grid.SliceVoxelCount(z);
                if (nv == 0)
                {
                    continue;
                }

                voxels += nv;
                slice.Clear();
                sliceSum.Clear();
                for (var d = 0; d < nd; d++)
                {
                    var counts = slice.Slice(d * cells, cells);
                    kernel(grid, directions[d], z, z + 1, counts);
                    if (averaged is not null && matrix.Load(counts, nv))
                    {
                        averaged.Add(matrix);
                    }

                    Add(counts, sliceSum);
                    Add(counts, perDirection.Slice(d * cells, cells));
                }

                if (sliceMerged is not null && matrix.Load(sliceSum, (long)nd * nv))
                {
                    sliceMerged.Add(matrix);
                }
            }

            sliceSum.Clear();
            for (var d = 0; d < nd; d++)
            {
                var counts = perDirection.Slice(d * cells, cells);
                if (directionMerged is not null && matrix.Load(counts, voxels))
                {
                    directionMerged.Add(matrix);
                }

                Add(counts, sliceSum);
            }

            if (merged is not null && matrix.Load(sliceSum, nd * voxels))
            {
                merged.Add(matrix);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    private static void AccumulateVolume<TMatrix>(
        PaddedRoi grid,
        int cells,
        DirectionalKernel kernel,
        TMatrix matrix,
        IReadOnlyDictionary<DirectionalAggregation, FeatureAccumulator<TMatrix>> accumulators)
        where TMatrix : ITextureMatrix
    {
        var directions = Directions.Volume;
        accumulators.TryGetValue(DirectionalAggregation.Averaged3D, out var averaged);
        accumulators.TryGetValue(DirectionalAggregation.Merged3D, out var merged);
        var buffer = ArrayPool<int>.Shared.Rent(2 * cells);
        try
        {
            var counts = buffer.AsSpan(0, cells);
            var sum = buffer.AsSpan(cells, cells);
            sum.Clear();
            long nv = grid.VoxelCount;
            foreach (var direction in directions)
            {
                counts.Clear();
                kernel(grid, direction, grid.Pad, grid.Nz - grid.Pad, counts);
                if (averaged is not null && matrix.Load(counts, nv))
                {
                    averaged.Add(matrix);
                }

                Add(counts, sum);
            }

            if (merged is not null && matrix.Load(sum, directions.Length * nv))
            {
                merged.Add(matrix);
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(buffer);
        }
    }

    private static void Add(ReadOnlySpan<int> source, Span<int> target)
    {
        for (var i = 0; i < source.Length; i++)
        {
            target[i] += source[i];
        }
    }
}
