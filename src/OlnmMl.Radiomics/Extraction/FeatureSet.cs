namespace OlnmMl.Radiomics.Extraction;

/// <summary>The features of one case, in a fixed order for a given recipe, and the warnings raised on the way (empty mask, NaN voxels…).</summary>
/// <param name="Features">Every feature of the recipe, in the recipe's order.</param>
/// <param name="Warnings">Human-readable warnings; features affected by them are NaN.</param>
public sealed record FeatureSet(IReadOnlyList<NamedFeature> Features, IReadOnlyList<string> Warnings);
