namespace OlnmMl.Radiomics.Extraction;

/// <summary>One case of a batch: its identifier and the paths of its image and mask.</summary>
/// <param name="Id">Case identifier (the first column of the batch table).</param>
/// <param name="ImagePath">Image file (NIfTI or NRRD).</param>
/// <param name="MaskPath">Mask file (integer labels; see <see cref="ExtractionOptions.MaskLabel"/>).</param>
public sealed record RadiomicsCase(string Id, string ImagePath, string MaskPath);
