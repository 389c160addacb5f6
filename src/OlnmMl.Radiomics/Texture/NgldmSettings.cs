namespace OlnmMl.Radiomics.Texture;

/// <summary>NGLDM settings: aggregation methods, neighbourhood distance and coarseness.</summary>
public sealed record NgldmSettings
{
    /// <summary>Aggregation methods to compute (default: 2D, 2.5D and 3D).</summary>
    public IReadOnlyList<ZoneAggregation> Aggregations { get; init; } = AggregationCodes.AllZone;

    /// <summary>Chebyshev radius δ ≥ 1 of the neighbourhood (IBSI default 1).</summary>
    public int Distance { get; init; } = 1;

    /// <summary>Coarseness α ≥ 0: neighbours with |X<sub>k</sub> − X<sub>m</sub>| ≤ α are dependent (IBSI default 0).</summary>
    public int Coarseness { get; init; }
}
