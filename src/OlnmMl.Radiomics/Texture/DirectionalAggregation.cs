namespace OlnmMl.Radiomics.Texture;

/// <summary>
/// IBSI texture aggregation methods of the direction-based families (GLCM, GLRLM). 2D and 2.5D
/// methods use the 4 in-plane directions of each axial (z) slice; 3D methods the 13 directions of
/// the volume.
/// </summary>
public enum DirectionalAggregation
{
    /// <summary>BTW3: features of each 2D directional matrix, averaged over directions and slices.</summary>
    Averaged2D,

    /// <summary>SUJT: per slice, the 2D directional matrices are merged; features averaged over slices.</summary>
    SliceMerged2D,

    /// <summary>JJUI: per direction, the 2D matrices of all slices are merged; features averaged over directions.</summary>
    DirectionMerged25D,

    /// <summary>ZW7Z: features of the single matrix merged over all 2D directions and slices.</summary>
    Merged25D,

    /// <summary>ITBB: features of each 3D directional matrix, averaged over the 13 directions.</summary>
    Averaged3D,

    /// <summary>IAZD: features of the single matrix merged over the 13 3D directions.</summary>
    Merged3D,
}
