using OlnmMl.Imaging;

namespace OlnmMl.Radiomics.Processing;

/// <summary>
/// A case whose ROI cannot be prepared under the recipe: an empty ROI, no voxel inside the re-segmentation
/// range, or a resampled grid above the voxel limit. The message states the problem and its numbers;
/// <see cref="AboutMask"/> says whether the mask (rather than the image) is the file to name.
/// </summary>
public sealed class RoiException : OlnmUserException
{
    /// <summary>Creates the error.</summary>
    public RoiException(VolumeProblem kind, bool aboutMask, string problem)
        : base(problem)
    {
        Kind = kind;
        AboutMask = aboutMask;
    }

    /// <summary>The kind of problem.</summary>
    public VolumeProblem Kind { get; }

    /// <summary>True when the problem lies in the mask file, false when in the image (or the recipe applied to it).</summary>
    public bool AboutMask { get; }
}
