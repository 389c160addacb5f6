using System.Buffers;
using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Neighbourhood grey tone difference matrix features (IBSI 3.10, family IPET): 5 features from
/// s<sub>i</sub> = Σ |i − X̄<sub>k</sub>| over voxels k of grey level i with at least one
/// neighbour in the ROI (X̄<sub>k</sub> the mean grey level of the ROI voxels within Chebyshev
/// distance δ, centre excluded), for the 2D, 2.5D (n<sub>i</sub>, s<sub>i</sub> summed over
/// slices) and 3D aggregation methods. Double sums run over grey levels with p &gt; 0.
/// </summary>
public static class Ngtdm
{
    private static readonly MatrixFeatureTable<NgtdmMatrix> Table = MatrixFeatureTable<NgtdmMatrix>.Of(typeof(Ngtdm));

    /// <summary>IBSI's cap on coarseness when Σ p<sub>i</sub> s<sub>i</sub> = 0.</summary>
    public const double MaximumCoarseness = 1e6;

    /// <summary>Every NGTDM feature for every aggregation method at δ = 1.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi) => Compute(roi, new NgtdmSettings());

    /// <summary>
    /// The NGTDM features of <paramref name="roi"/> for each aggregation in
    /// <paramref name="settings"/>, in that order; NaN for every feature of an aggregation where no
    /// voxel has a neighbour in the ROI.
    /// </summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi, NgtdmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Distance < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Distance, "NgtdmSettings.Distance must be at least 1.");
        }

        var aggregations = settings.Aggregations.Distinct().ToArray();
        var accumulators = aggregations.ToDictionary(a => a, a => new FeatureAccumulator<NgtdmMatrix>(Table, a.IbsiCode()));
        using var grid = PaddedRoi.Create(roi, settings.Distance, withMorphology: false);
        var ng = grid.LevelCount;
        var matrix = new NgtdmMatrix(ng);
        var buffer = ArrayPool<double>.Shared.Rent(4 * ng);
        try
        {
            var all = buffer.AsSpan(0, 4 * ng);
            all.Clear();
            Span<double> n = all[..ng], s = all.Slice(ng, ng), mergedN = all.Slice(2 * ng, ng), mergedS = all.Slice(3 * ng, ng);
            accumulators.TryGetValue(ZoneAggregation.Averaged2D, out var averaged);
            accumulators.TryGetValue(ZoneAggregation.Merged25D, out var merged);
            if (averaged is not null || merged is not null)
            {
                var offsets = Directions.Neighbourhood(grid, settings.Distance, planar: true);
                for (var z = grid.Pad; z < grid.Nz - grid.Pad; z++)
                {
                    n.Clear();
                    s.Clear();
                    NeighbourhoodKernels.ToneDifferences(grid, offsets, z, z + 1, n, s);
                    if (averaged is not null && matrix.Load(n, s))
                    {
                        averaged.Add(matrix);
                    }

                    for (var i = 0; i < ng; i++)
                    {
                        mergedN[i] += n[i];
                        mergedS[i] += s[i];
                    }
                }

                if (merged is not null && matrix.Load(mergedN, mergedS))
                {
                    merged.Add(matrix);
                }
            }

            if (accumulators.TryGetValue(ZoneAggregation.Volume3D, out var volume))
            {
                n.Clear();
                s.Clear();
                var offsets = Directions.Neighbourhood(grid, settings.Distance, planar: false);
                NeighbourhoodKernels.ToneDifferences(grid, offsets, grid.Pad, grid.Nz - grid.Pad, n, s);
                if (matrix.Load(n, s))
                {
                    volume.Add(matrix);
                }
            }
        }
        finally
        {
            ArrayPool<double>.Shared.Return(buffer);
        }

        var result = new List<FeatureValue>(aggregations.Length * Table.Count);
        foreach (var aggregation in aggregations)
        {
            accumulators[aggregation].Emit(result);
        }

        return result;
    }

    /// <summary>Coarseness: F = 1 / Σ<sub>i</sub> p<sub>i</sub> s<sub>i</sub>, capped at 10⁶ when the sum is 0.</summary>
    [IbsiFeature("coarseness", "QCDE")]
    public static double Coarseness(NgtdmMatrix m)
    {
        var weighted = WeightedDifference(m);
        return weighted == 0 ? MaximumCoarseness : Math.Min(MaximumCoarseness, 1 / weighted);
    }

    /// <summary>
    /// Contrast: F = [1/(N<sub>g,p</sub>(N<sub>g,p</sub>−1)) Σ<sub>i1,i2</sub> p<sub>i1</sub> p<sub>i2</sub> (i1 − i2)²]
    /// · [(1/N<sub>v,c</sub>) Σ<sub>i</sub> s<sub>i</sub>]; 0 when N<sub>g,p</sub> = 1.
    /// </summary>
    [IbsiFeature("contrast", "65HE")]
    public static double Contrast(NgtdmMatrix m)
    {
        if (m.PresentLevelCount <= 1)
        {
            return 0;
        }

        var ngp = m.PresentLevelCount;
        var range = PairSum(m, static (i1, p1, _, i2, p2, _) => p1 * p2 * (i1 - i2) * (i1 - i2));
        return range / (ngp * (ngp - 1.0)) * (m.DifferenceSum / m.ValidVoxelCount);
    }

    /// <summary>
    /// Busyness: F = Σ<sub>i</sub> p<sub>i</sub> s<sub>i</sub> / Σ<sub>i1,i2</sub> |i1 p<sub>i1</sub> − i2 p<sub>i2</sub>|
    /// (IBSI's correction of Amadasun and King); 0 when N<sub>g,p</sub> = 1.
    /// </summary>
    [IbsiFeature("busyness", "NQ30")]
    public static double Busyness(NgtdmMatrix m)
    {
        if (m.PresentLevelCount <= 1)
        {
            return 0;
        }

        return WeightedDifference(m) / PairSum(m, static (i1, p1, _, i2, p2, _) => Math.Abs((i1 * p1) - (i2 * p2)));
    }

    /// <summary>
    /// Complexity: F = (1/N<sub>v,c</sub>) Σ<sub>i1,i2</sub> |i1 − i2| (p<sub>i1</sub> s<sub>i1</sub> + p<sub>i2</sub> s<sub>i2</sub>)
    /// / (p<sub>i1</sub> + p<sub>i2</sub>).
    /// </summary>
    [IbsiFeature("complexity", "HDEZ")]
    public static double Complexity(NgtdmMatrix m) =>
        PairSum(m, static (i1, p1, s1, i2, p2, s2) => Math.Abs(i1 - i2) * ((p1 * s1) + (p2 * s2)) / (p1 + p2)) / m.ValidVoxelCount;

    /// <summary>
    /// Strength: F = Σ<sub>i1,i2</sub> (p<sub>i1</sub> + p<sub>i2</sub>)(i1 − i2)² / Σ<sub>i</sub> s<sub>i</sub>; 0 when Σ s<sub>i</sub> = 0.
    /// </summary>
    [IbsiFeature("strength", "1X9X")]
    public static double Strength(NgtdmMatrix m) =>
        m.DifferenceSum == 0 ? 0 : PairSum(m, static (i1, p1, _, i2, p2, _) => (p1 + p2) * (i1 - i2) * (i1 - i2)) / m.DifferenceSum;

    private static double WeightedDifference(NgtdmMatrix m)
    {
        var sum = 0.0;
        for (var i = 0; i < m.LevelCount; i++)
        {
            sum += m.Probabilities[i] * m.Differences[i];
        }

        return sum;
    }

    private delegate double PairTerm(double i1, double p1, double s1, double i2, double p2, double s2);

    private static double PairSum(NgtdmMatrix m, PairTerm term)
    {
        var p = m.Probabilities;
        var s = m.Differences;
        var sum = 0.0;
        for (var a = 0; a < m.LevelCount; a++)
        {
            if (p[a] == 0)
            {
                continue;
            }

            for (var b = 0; b < m.LevelCount; b++)
            {
                if (p[b] != 0)
                {
                    sum += term(a + 1, p[a], s[a], b + 1, p[b], s[b]);
                }
            }
        }

        return sum;
    }
}
