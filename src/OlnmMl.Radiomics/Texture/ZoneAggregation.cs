namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// IBSI texture aggregation methods of the families without directions (GLSZM, GLDZM, NGTDM, NGLDM).
/// 2D and 2.5D methods work on axial (z) slices with in-plane neighbourhoods.
/// </summary>
public enum ZoneAggregation
{
    /// <summary>8QNN ("2D"): features of each slice's matrix, averaged over slices.</summary>
    Averaged2D,

    /// <summary>62GR ("2.5D"): features of the single matrix merged over all slices.</summary>
    Merged25D,

    /// <summary>KOBO ("3D"): features of the matrix of the whole volume.</summary>
    Volume3D,
}
