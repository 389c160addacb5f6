namespace OlnmMl.Radiomics.Texture;

/// <summary>GLRLM settings: aggregation methods to compute.</summary>
public sealed record GlrlmSettings
{
    /// <summary>Aggregation methods to compute (default: all six).</summary>
    public IReadOnlyList<DirectionalAggregation> Aggregations { get; init; } = AggregationCodes.AllDirectional;
}
