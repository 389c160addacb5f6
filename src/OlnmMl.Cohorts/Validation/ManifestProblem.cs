namespace OlnmMl.Cohorts.Validation;

/// <summary>Kinds of manifest problems.</summary>
public enum ProblemKind
{
    /// <summary>The manifest itself does not parse (bad column, unknown cohort, bad value).</summary>
    MalformedManifest,

    /// <summary>Two cases share an id.</summary>
    DuplicateId,

    /// <summary>An image, mask or PET file does not exist.</summary>
    MissingFile,

    /// <summary>A volume exists but cannot be read.</summary>
    UnreadableFile,

    /// <summary>A volume reads but is unusable: not 3D, NaN/∞ voxels, non-integer or ambiguous mask labels, the chosen label absent.</summary>
    InvalidVolume,

    /// <summary>The mask's grid (size, spacing, origin, direction) differs from the image's.</summary>
    MaskNotOnImageGrid,

    /// <summary>The mask has no voxel inside.</summary>
    EmptyMask,

    /// <summary>The training cohort holds only one class (or no case) of a target.</summary>
    SingleClassTraining,

    /// <summary>An image key or a target is given for some cases but not for all.</summary>
    IncompleteKey,

    /// <summary>An image other than the mask does not cover the tumour on the CT (e.g. a PET of another body region).</summary>
    ImageNotOverlapping,
}

/// <summary>One problem found in a manifest; <see cref="Message"/> names the case and file.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="CaseId">The case, when the problem belongs to one.</param>
/// <param name="Path">The file concerned (manifest, image, mask or PET).</param>
/// <param name="Message">One line for a person: file, case and problem.</param>
public sealed record ManifestProblem(ProblemKind Kind, string? CaseId, string Path, string Message);
