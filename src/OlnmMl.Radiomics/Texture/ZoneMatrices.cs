using System.Buffers;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Builds GLSZM (zone size) or GLDZM (zone distance) matrices for the zone aggregation methods:
/// per-slice matrices averaged (8QNN), all slices' zones in one matrix with N<sub>v</sub> summed
/// (62GR), and the volume's zones (KOBO).
/// </summary>
internal static class ZoneMatrices
{
    public static IReadOnlyList<FeatureValue> Compute(
        DiscretisedRoi roi,
        IReadOnlyList<ZoneAggregation> requested,
        ZoneConnectivity connectivity,
        bool byDistance,
        MatrixFeatureTable<GreyLevelCountMatrix> table)
    {
        ArgumentNullException.ThrowIfNull(requested);
        var aggregations = requested.Distinct().ToArray();
        var accumulators = aggregations.ToDictionary(a => a, a => new FeatureAccumulator<GreyLevelCountMatrix>(table, a.IbsiCode()));
        using var grid = PaddedRoi.Create(roi, 1, withMorphology: byDistance);
        var matrix = new GreyLevelCountMatrix(grid.LevelCount);
        var scratch = ArrayPool<int>.Shared.Rent(Math.Max(1, grid.VoxelCount));
        try
        {
            if (accumulators.ContainsKey(ZoneAggregation.Averaged2D) || accumulators.ContainsKey(ZoneAggregation.Merged25D))
            {
                AddPlanar(grid, connectivity, byDistance, matrix, accumulators, scratch);
            }

            if (accumulators.TryGetValue(ZoneAggregation.Volume3D, out var volume))
            {
                using var zones = Label(grid, planar: false, connectivity, byDistance);
                if (matrix.LoadItems(zones.Grey, byDistance ? zones.Distance : zones.Size, grid.VoxelCount, scratch))
                {
                    volume.Add(matrix);
                }
            }
        }
        finally
        {
            ArrayPool<int>.Shared.Return(scratch);
        }

        var result = new List<FeatureValue>(aggregations.Length * table.Count);
        foreach (var aggregation in aggregations)
        {
            accumulators[aggregation].Emit(result);
        }

        return result;
    }

    private static void AddPlanar(
        PaddedRoi grid,
        ZoneConnectivity connectivity,
        bool byDistance,
        GreyLevelCountMatrix matrix,
        Dictionary<ZoneAggregation, FeatureAccumulator<GreyLevelCountMatrix>> accumulators,
        Span<int> scratch)
    {
        using var zones = Label(grid, planar: true, connectivity, byDistance);
        var values = byDistance ? zones.Distance : zones.Size;
        if (accumulators.TryGetValue(ZoneAggregation.Averaged2D, out var averaged))
        {
            for (var z = 0; z < grid.Nz; z++)
            {
                var start = zones.SliceStarts[z];
                var count = zones.SliceStarts[z + 1] - start;
                if (count > 0 && matrix.LoadItems(zones.Grey.Slice(start, count), values.Slice(start, count), grid.SliceVoxelCount(z), scratch))
                {
                    averaged.Add(matrix);
                }
            }
        }

        if (accumulators.TryGetValue(ZoneAggregation.Merged25D, out var merged) &&
            matrix.LoadItems(zones.Grey, values, grid.VoxelCount, scratch))
        {
            merged.Add(matrix);
        }
    }

    private static ZoneList Label(PaddedRoi grid, bool planar, ZoneConnectivity connectivity, bool byDistance)
    {
        if (!byDistance)
        {
            return ZoneLabeler.Label(grid, planar, connectivity, []);
        }

        var map = DistanceMap.Compute(grid, planar);
        try
        {
            return ZoneLabeler.Label(grid, planar, connectivity, map.AsSpan(0, grid.Length));
        }
        finally
        {
            ArrayPool<int>.Shared.Return(map);
        }
    }
}
