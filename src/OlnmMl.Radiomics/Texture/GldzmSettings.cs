namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// GLDZM settings: aggregation methods and zone connectivity. The distance to the ROI edge always
/// uses IBSI's default Manhattan norm (6-connected in 3D, 4-connected in 2D) on the morphological mask.
/// </summary>
public sealed record GldzmSettings
{
    /// <summary>Aggregation methods to compute (default: 2D, 2.5D and 3D).</summary>
    public IReadOnlyList<ZoneAggregation> Aggregations { get; init; } = AggregationCodes.AllZone;

    /// <summary>Voxel linkage within a zone (IBSI default: Chebyshev, 26/8-connected).</summary>
    public ZoneConnectivity Connectivity { get; init; } = ZoneConnectivity.Chebyshev;
}
