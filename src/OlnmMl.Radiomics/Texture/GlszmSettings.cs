namespace OlnmMl.Radiomics.Texture;

/// <summary>GLSZM settings: aggregation methods and zone connectivity.</summary>
public sealed record GlszmSettings
{
    /// <summary>Aggregation methods to compute (default: 2D, 2.5D and 3D).</summary>
    public IReadOnlyList<ZoneAggregation> Aggregations { get; init; } = AggregationCodes.AllZone;

    /// <summary>Voxel linkage within a zone (IBSI default: Chebyshev, 26/8-connected).</summary>
    public ZoneConnectivity Connectivity { get; init; } = ZoneConnectivity.Chebyshev;
}
