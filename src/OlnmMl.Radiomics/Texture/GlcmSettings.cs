namespace OlnmMl.Radiomics.Texture;

/// <summary>GLCM settings: aggregation methods to compute and the co-occurrence distance.</summary>
public sealed record GlcmSettings
{
    /// <summary>Aggregation methods to compute (default: all six).</summary>
    public IReadOnlyList<DirectionalAggregation> Aggregations { get; init; } = AggregationCodes.AllDirectional;

    /// <summary>Chebyshev distance δ ≥ 1 between co-occurring voxels: direction vectors are scaled by δ (IBSI default 1).</summary>
    public int Distance { get; init; } = 1;
}
