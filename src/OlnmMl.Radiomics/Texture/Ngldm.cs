using System.Buffers;
using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// Neighbouring grey level dependence matrix features (IBSI 3.11, family REK0): 17 features from
/// matrices s<sub>ij</sub> counting voxels of grey level i with dependence j (1 + the number of ROI
/// neighbours within Chebyshev distance δ whose grey level differs by at most α), for the 2D, 2.5D
/// and 3D aggregation methods. N<sub>s</sub> = N<sub>v</sub> is the number of voxels,
/// s<sub>i.</sub> and s<sub>.j</sub> the marginal sums and p<sub>ij</sub> = s<sub>ij</sub> / N<sub>s</sub>.
/// </summary>
public static class Ngldm
{
    private static readonly MatrixFeatureTable<GreyLevelCountMatrix> Table = MatrixFeatureTable<GreyLevelCountMatrix>.Of(typeof(Ngldm));

    /// <summary>Every NGLDM feature for every aggregation method at δ = 1, α = 0.</summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi) => Compute(roi, new NgldmSettings());

    /// <summary>
    /// The NGLDM features of <paramref name="roi"/> for each aggregation in
    /// <paramref name="settings"/>, in that order; NaN for every feature when the ROI is empty.
    /// </summary>
    public static IReadOnlyList<FeatureValue> Compute(DiscretisedRoi roi, NgldmSettings settings)
    {
        ArgumentNullException.ThrowIfNull(settings);
        if (settings.Distance < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Distance, "NgldmSettings.Distance must be at least 1.");
        }

        if (settings.Coarseness < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(settings), settings.Coarseness, "NgldmSettings.Coarseness must not be negative.");
        }

        var aggregations = settings.Aggregations.Distinct().ToArray();
        var accumulators = aggregations.ToDictionary(a => a, a => new FeatureAccumulator<GreyLevelCountMatrix>(Table, a.IbsiCode()));
        using var grid = PaddedRoi.Create(roi, settings.Distance, withMorphology: false);
        var matrix = new GreyLevelCountMatrix(grid.LevelCount);
        accumulators.TryGetValue(ZoneAggregation.Averaged2D, out var averaged);
        accumulators.TryGetValue(ZoneAggregation.Merged25D, out var merged);
        if (averaged is not null || merged is not null)
        {
            var offsets = Directions.Neighbourhood(grid, settings.Distance, planar: true);
            var cells = grid.LevelCount * (offsets.Length + 1);
            var buffer = ArrayPool<int>.Shared.Rent(2 * cells);
            try
            {
                Span<int> slice = buffer.AsSpan(0, cells), sum = buffer.AsSpan(cells, cells);
                sum.Clear();
                for (var z = grid.Pad; z < grid.Nz - grid.Pad; z++)
                {
                    slice.Clear();
                    NeighbourhoodKernels.Dependences(grid, offsets, settings.Coarseness, z, z + 1, slice);
                    if (averaged is not null && matrix.LoadDense(slice, grid.SliceVoxelCount(z)))
                    {
                        averaged.Add(matrix);
                    }

                    for (var k = 0; k < cells; k++)
                    {
                        sum[k] += slice[k];
                    }
                }

                if (merged is not null && matrix.LoadDense(sum, grid.VoxelCount))
                {
                    merged.Add(matrix);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(buffer);
            }
        }

        if (accumulators.TryGetValue(ZoneAggregation.Volume3D, out var volume))
        {
            var offsets = Directions.Neighbourhood(grid, settings.Distance, planar: false);
            var cells = grid.LevelCount * (offsets.Length + 1);
            var buffer = ArrayPool<int>.Shared.Rent(cells);
            try
            {
                var counts = buffer.AsSpan(0, cells);
                counts.Clear();
                NeighbourhoodKernels.Dependences(grid, offsets, settings.Coarseness, grid.Pad, grid.Nz - grid.Pad, counts);
                if (matrix.LoadDense(counts, grid.VoxelCount))
                {
                    volume.Add(matrix);
                }
            }
            finally
            {
                ArrayPool<int>.Shared.Return(buffer);
            }
        }

        var result = new List<FeatureValue>(aggregations.Length * Table.Count);
        foreach (var aggregation in aggregations)
        {
            accumulators[aggregation].Emit(result);
        }

        return result;
    }

    /// <summary>Low dependence emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub> / j².</summary>
    [IbsiFeature("lde", "SODN")]
    public static double LowDependenceEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => 1 / (j * j));

    /// <summary>High dependence emphasis: F = (1/N<sub>s</sub>) Σ<sub>j</sub> j² s<sub>.j</sub>.</summary>
    [IbsiFeature("hde", "IMOQ")]
    public static double HighDependenceEmphasis(GreyLevelCountMatrix m) => m.ColumnMoment(static j => j * j);

    /// <summary>Low grey level count emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub> / i².</summary>
    [IbsiFeature("lgce", "TL9H")]
    public static double LowGreyLevelCountEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => 1 / (i * i));

    /// <summary>High grey level count emphasis: F = (1/N<sub>s</sub>) Σ<sub>i</sub> i² s<sub>i.</sub>.</summary>
    [IbsiFeature("hgce", "OAE7")]
    public static double HighGreyLevelCountEmphasis(GreyLevelCountMatrix m) => m.RowMoment(static i => i * i);

    /// <summary>Low dependence low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> s<sub>ij</sub> / (i² j²).</summary>
    [IbsiFeature("ldlge", "EQ3F")]
    public static double LowDependenceLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => 1 / (i * i * j * j));

    /// <summary>Low dependence high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² s<sub>ij</sub> / j².</summary>
    [IbsiFeature("ldhge", "JA6D")]
    public static double LowDependenceHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i / (j * j));

    /// <summary>High dependence low grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> j² s<sub>ij</sub> / i².</summary>
    [IbsiFeature("hdlge", "NBZI")]
    public static double HighDependenceLowGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => j * j / (i * i));

    /// <summary>High dependence high grey level emphasis: F = (1/N<sub>s</sub>) Σ<sub>i,j</sub> i² j² s<sub>ij</sub>.</summary>
    [IbsiFeature("hdhge", "9QMG")]
    public static double HighDependenceHighGreyLevelEmphasis(GreyLevelCountMatrix m) => m.JointMoment(static (i, j) => i * i * j * j);

    /// <summary>Grey level non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>i</sub> s<sub>i.</sub>².</summary>
    [IbsiFeature("glnu", "FP8K")]
    public static double GreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity();

    /// <summary>Normalised grey level non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>i</sub> s<sub>i.</sub>².</summary>
    [IbsiFeature("glnu_norm", "5SPA")]
    public static double NormalisedGreyLevelNonUniformity(GreyLevelCountMatrix m) => m.RowNonUniformity() / m.Total;

    /// <summary>Dependence count non-uniformity: F = (1/N<sub>s</sub>) Σ<sub>j</sub> s<sub>.j</sub>².</summary>
    [IbsiFeature("dcnu", "Z87G")]
    public static double DependenceCountNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity();

    /// <summary>Normalised dependence count non-uniformity: F = (1/N<sub>s</sub>²) Σ<sub>j</sub> s<sub>.j</sub>².</summary>
    [IbsiFeature("dcnu_norm", "OKJI")]
    public static double NormalisedDependenceCountNonUniformity(GreyLevelCountMatrix m) => m.ColumnNonUniformity() / m.Total;

    /// <summary>Dependence count percentage: F = N<sub>s</sub> / N<sub>v</sub> (1 by IBSI's definition, as every voxel has a neighbourhood).</summary>
    [IbsiFeature("dc_perc", "6XV8")]
    public static double DependenceCountPercentage(GreyLevelCountMatrix m) => m.Total / m.VoxelCount;

    /// <summary>Grey level variance: F = Σ<sub>i,j</sub> (i − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> i p<sub>ij</sub>.</summary>
    [IbsiFeature("gl_var", "1PFV")]
    public static double GreyLevelVariance(GreyLevelCountMatrix m) => m.RowVariance();

    /// <summary>Dependence count variance: F = Σ<sub>i,j</sub> (j − μ)² p<sub>ij</sub>, μ = Σ<sub>i,j</sub> j p<sub>ij</sub>.</summary>
    [IbsiFeature("dc_var", "DNX2")]
    public static double DependenceCountVariance(GreyLevelCountMatrix m) => m.ColumnVariance();

    /// <summary>Dependence count entropy: F = −Σ<sub>i,j</sub> p<sub>ij</sub> log₂ p<sub>ij</sub>.</summary>
    [IbsiFeature("dc_entr", "FCBV")]
    public static double DependenceCountEntropy(GreyLevelCountMatrix m) => m.Entropy();

    /// <summary>Dependence count energy: F = Σ<sub>i,j</sub> p<sub>ij</sub>².</summary>
    [IbsiFeature("dc_energy", "CAS9")]
    public static double DependenceCountEnergy(GreyLevelCountMatrix m) => m.Energy();
}
