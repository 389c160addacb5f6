namespace OlnmMl.Radiomics.Texture;

/// <summary>The IBSI identifiers of the texture aggregation methods (the values of <see cref="FeatureValue.IbsiAggregation"/>).</summary>
public static class AggregationCodes
{
    /// <summary>BTW3, SUJT, JJUI, ZW7Z, ITBB or IAZD.</summary>
    public static string IbsiCode(this DirectionalAggregation aggregation) => aggregation switch
    {
        DirectionalAggregation.Averaged2D => "BTW3",
        DirectionalAggregation.SliceMerged2D => "SUJT",
        DirectionalAggregation.DirectionMerged25D => "JJUI",
        DirectionalAggregation.Merged25D => "ZW7Z",
        DirectionalAggregation.Averaged3D => "ITBB",
        DirectionalAggregation.Merged3D => "IAZD",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown directional aggregation."),
    };

    /// <summary>8QNN (2D), 62GR (2.5D) or KOBO (3D), as the IBSI manual names them for GLSZM, GLDZM, NGTDM and NGLDM.</summary>
    public static string IbsiCode(this ZoneAggregation aggregation) => aggregation switch
    {
        ZoneAggregation.Averaged2D => "8QNN",
        ZoneAggregation.Merged25D => "62GR",
        ZoneAggregation.Volume3D => "KOBO",
        _ => throw new ArgumentOutOfRangeException(nameof(aggregation), aggregation, "Unknown zone aggregation."),
    };

    /// <summary>Every directional aggregation method, in IBSI's order.</summary>
    public static IReadOnlyList<DirectionalAggregation> AllDirectional { get; } = Enum.GetValues<DirectionalAggregation>();

    /// <summary>Every zone aggregation method, in IBSI's order.</summary>
    public static IReadOnlyList<ZoneAggregation> AllZone { get; } = Enum.GetValues<ZoneAggregation>();
}
