namespace OlnmMl.Radiomics.Texture;

/// <summary>NGTDM settings: aggregation methods and neighbourhood distance.</summary>
public sealed record NgtdmSettings
{
    /// <summary>Aggregation methods to compute (default: 2D, 2.5D and 3D).</summary>
    public IReadOnlyList<ZoneAggregation> Aggregations { get; init; } = AggregationCodes.AllZone;

    /// <summary>Chebyshev radius δ ≥ 1 of the neighbourhood (IBSI default 1).</summary>
    public int Distance { get; init; } = 1;
}
