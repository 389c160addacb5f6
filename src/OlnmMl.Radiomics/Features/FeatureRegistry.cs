namespace OlnmMl.Radiomics.Features;

/// <summary>The non-texture feature families of this assembly, by family prefix (the texture families register in <c>OlnmMl.Radiomics.Texture</c>).</summary>
public static class FeatureRegistry
{
    /// <summary>Family prefix → the class defining its features and their names and IBSI identifiers.</summary>
    public static IReadOnlyList<(string Family, Type Definition, IReadOnlyList<IbsiFeatureAttribute> Features)> Families { get; } =
    [
        ("morph", Morphology.Table.Family, Morphology.Table.Descriptors.ToArray()),
        ("loc", LocalIntensity.Table.Family, LocalIntensity.Table.Descriptors.ToArray()),
        ("stat", IntensityStatistics.Table.Family, IntensityStatistics.Table.Descriptors.ToArray()),
        ("ih", IntensityHistogram.Table.Family, IntensityHistogram.Table.Descriptors.ToArray()),
        ("ivh", IntensityVolumeHistogram.Table.Family, IntensityVolumeHistogram.Table.Descriptors.ToArray()),
    ];
}
