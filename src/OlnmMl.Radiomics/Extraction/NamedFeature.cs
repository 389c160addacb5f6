namespace OlnmMl.Radiomics.Extraction;

/// <summary>
/// One extracted feature under its full name <c>{image type}_{family}_{feature}[_{aggregation}]</c>, e.g.
/// <c>original_glcm_joint_max_3d_avg</c> or <c>log_sigma_2_mm_stat_mean</c>.
/// </summary>
/// <param name="Name">Full feature name (a slot name of the Radiomics column).</param>
/// <param name="IbsiFeature">The 4-character IBSI identifier.</param>
/// <param name="IbsiAggregation">The IBSI aggregation identifier, empty where none applies.</param>
/// <param name="Value">The value (NaN where undefined).</param>
public readonly record struct NamedFeature(string Name, string IbsiFeature, string IbsiAggregation, double Value);
