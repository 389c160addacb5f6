namespace OlnmMl.Radiomics.Texture;

/// <summary>Which voxels link into one zone (GLSZM, GLDZM).</summary>
public enum ZoneConnectivity
{
    /// <summary>IBSI default: Chebyshev distance 1, i.e. 26-connected in 3D and 8-connected in 2D.</summary>
    Chebyshev,

    /// <summary>Manhattan distance 1, i.e. 6-connected in 3D and 4-connected in 2D (non-standard).</summary>
    Manhattan,
}
