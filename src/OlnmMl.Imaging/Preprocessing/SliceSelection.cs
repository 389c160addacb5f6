namespace OlnmMl.Imaging.Preprocessing;

/// <summary>Which axial slices through the tumour (slices with at least one mask voxel on the target grid) become instances.</summary>
public enum SliceSelection
{
    /// <summary>Every slice with mask.</summary>
    All,

    /// <summary>The K slices with the largest mask cross-section (ties: the lower slice index first).</summary>
    Largest,

    /// <summary>Every N-th slice with mask, starting at the first (mask slices 0, N, 2N, … in slice order).</summary>
    EveryNth,
}
