namespace OlnmMl.Cohorts.Manifest;

/// <summary>
/// One patient of a manifest. Paths are absolute (readers resolve them against the manifest's folder).
/// </summary>
/// <param name="Id">Unique case identifier.</param>
/// <param name="Centre">Hospital / scanner site.</param>
/// <param name="Role">Cohort the case belongs to.</param>
/// <param name="Label">Occult nodal metastasis: 1 = pN+, 0 = pN−.</param>
/// <param name="LabelN2">Optional N2 label (1 = pN2).</param>
/// <param name="ImagePath">CT volume (.nii, .nii.gz, .nrrd).</param>
/// <param name="MaskPath">Nodule mask on the CT grid.</param>
/// <param name="PetPath">Optional PET volume (any grid; resampled onto the CT later).</param>
/// <param name="Clinical">Clinical variables.</param>
public sealed record Case(
    string Id,
    string Centre,
    CohortRole Role,
    int Label,
    int? LabelN2,
    string ImagePath,
    string MaskPath,
    string? PetPath,
    ClinicalVariables Clinical);
