namespace OlnmMl.Imaging.Preprocessing;

/// <summary>Where one instance of a slice bag was cut: its plane, its slice index along the plane's normal, and the mask voxels in that slice.</summary>
/// <param name="Plane">The slice plane.</param>
/// <param name="Index">The slice index along the normal axis, on the target grid.</param>
/// <param name="MaskArea">Mask voxels (value &gt; 0.5) in the slice (the tumour cross-section in pixels).</param>
public readonly record struct SliceInstance(SlicePlane Plane, int Index, int MaskArea);
