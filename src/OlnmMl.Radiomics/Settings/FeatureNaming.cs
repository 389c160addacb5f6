namespace OlnmMl.Radiomics.Settings;

/// <summary>How extracted features are named.</summary>
public enum FeatureNaming
{
    /// <summary><c>{image}_{family}_{ibsi feature}[_{aggregation}]</c>, e.g. <c>original_glcm_joint_max_3d_avg</c>.</summary>
    Ibsi,

    /// <summary>
    /// PyRadiomics' <c>{image type}_{class}_{Feature}</c>, e.g. <c>original_glcm_MaximumProbability</c>, for every feature
    /// PyRadiomics has (<see cref="OlnmMl.Radiomics.PyRadiomics.PyRadiomicsNames"/>); the others keep the IBSI name.
    /// </summary>
    PyRadiomics,
}
