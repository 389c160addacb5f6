namespace OlnmMl.Imaging.Dicom;

/// <summary>One image series found in a DICOM folder.</summary>
/// <param name="SeriesInstanceUid">SeriesInstanceUID (0020,000E), the key that selects the series.</param>
/// <param name="Modality">Modality (0008,0060), e.g. CT, PT, MR.</param>
/// <param name="Description">SeriesDescription (0008,103E), or null.</param>
/// <param name="SliceCount">Number of image files of the series.</param>
public sealed record DicomSeriesInfo(string SeriesInstanceUid, string Modality, string? Description, int SliceCount)
{
    /// <summary>"UID (CT, 59 slices, description)".</summary>
    public string Describe() =>
        $"{SeriesInstanceUid} ({Modality}, {SliceCount} slice{(SliceCount == 1 ? string.Empty : "s")}{(Description is null ? string.Empty : ", " + Description)})";
}
