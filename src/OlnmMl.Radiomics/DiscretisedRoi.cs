using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics;

/// <summary>
/// The region of interest after interpolation, re-segmentation and discretisation: the input of
/// every texture family. <see cref="GreyLevels"/> holds 1..<see cref="LevelCount"/> inside the
/// intensity mask and 0 outside it (x fastest, as <see cref="GridSize.Index"/>);
/// <see cref="MorphologicalMask"/> is the mask before intensity re-segmentation (used for distances
/// to the ROI edge).
/// </summary>
public sealed record DiscretisedRoi(GridSize Size, Vec3 Spacing, int[] GreyLevels, int LevelCount, bool[] MorphologicalMask);
