using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Dicom;

/// <summary>The attributes of one single-frame DICOM image that place and decode its pixels.</summary>
internal sealed record DicomSlice(
    string Path,
    string SeriesUid,
    string Modality,
    string? Description,
    int Rows,
    int Columns,
    int BitsAllocated,
    int BitsStored,
    bool Signed,
    double Slope,
    double Intercept,
    Vec3 Position,
    Vec3 RowDirection,
    Vec3 ColumnDirection,
    double RowSpacing,
    double ColumnSpacing,
    double? SliceThickness,
    long PixelOffset,
    DicomDataSet DataSet)
{
    /// <summary>The unit normal of the slice plane: row direction × column direction.</summary>
    public Vec3 Normal => Cross(RowDirection, ColumnDirection);

    /// <summary>
    /// The image attributes of <paramref name="file"/>, or null when it is no image: no pixel data (e.g. an RTSTRUCT) or
    /// a segmentation (SEG, read as a mask by <see cref="SegReader"/>).
    /// </summary>
    /// <exception cref="VolumeFormatException">A missing or unusable attribute, a multi-frame or colour image.</exception>
    public static DicomSlice? From(DicomFile file)
    {
        if (file.PixelDataOffset < 0 || file.DataSet.String(DicomTags.Modality) == "SEG")
        {
            return null;
        }

        var d = file.DataSet;
        var path = file.Path;
        try
        {
            if ((d.UInt16(DicomTags.SamplesPerPixel) ?? 1) != 1)
            {
                throw new VolumeFormatException(path, $"has {d.UInt16(DicomTags.SamplesPerPixel)} samples per pixel (colour); only greyscale images are read");
            }

            if ((d.Number(DicomTags.NumberOfFrames) ?? 1) != 1)
            {
                throw new VolumeFormatException(path, $"is a multi-frame image ({d.Number(DicomTags.NumberOfFrames)} frames); only single-frame series are read (convert with dcm2niix)");
            }

            var (rows, columns) = (Required16(d, DicomTags.Rows, path, "Rows"), Required16(d, DicomTags.Columns, path, "Columns"));
            var bitsAllocated = Required16(d, DicomTags.BitsAllocated, path, "BitsAllocated");
            var bitsStored = d.UInt16(DicomTags.BitsStored) ?? bitsAllocated;
            if (bitsAllocated is not (8 or 16 or 32) || bitsStored < 1 || bitsStored > bitsAllocated)
            {
                throw new VolumeFormatException(path, $"BitsAllocated {bitsAllocated} / BitsStored {bitsStored} are not read (8, 16 or 32 bits allocated)");
            }

            var needed = (long)rows * columns * (bitsAllocated / 8);
            if (file.PixelDataLength < needed)
            {
                throw new VolumeFormatException(path, $"Pixel Data holds {file.PixelDataLength} bytes, a {columns}×{rows} image of {bitsAllocated} bits needs {needed}");
            }

            var orientation = RequiredNumbers(d, DicomTags.ImageOrientationPatient, 6, path, "ImageOrientationPatient");
            var spacing = RequiredNumbers(d, DicomTags.PixelSpacing, 2, path, "PixelSpacing");
            return new DicomSlice(
                path,
                d.String(DicomTags.SeriesInstanceUid) ?? throw Missing(path, "SeriesInstanceUID"),
                d.String(DicomTags.Modality) ?? "OT",
                d.String(DicomTags.SeriesDescription),
                rows,
                columns,
                bitsAllocated,
                bitsStored,
                (d.UInt16(DicomTags.PixelRepresentation) ?? 0) == 1,
                d.Number(DicomTags.RescaleSlope) ?? 1,
                d.Number(DicomTags.RescaleIntercept) ?? 0,
                Vector(RequiredNumbers(d, DicomTags.ImagePositionPatient, 3, path, "ImagePositionPatient"), 0),
                Unit(Vector(orientation, 0), path),
                Unit(Vector(orientation, 3), path),
                spacing[0],
                spacing[1],
                d.Number(DicomTags.SliceThickness),
                file.PixelDataOffset,
                d);
        }
        catch (FormatException e)
        {
            throw new VolumeFormatException(path, $"a numeric DICOM attribute is not a number: {e.Message}", e);
        }
    }

    private static int Required16(DicomDataSet d, uint tag, string path, string name) =>
        d.UInt16(tag) is { } value and > 0 ? value : throw Missing(path, name);

    private static double[] RequiredNumbers(DicomDataSet d, uint tag, int count, string path, string name) =>
        d.Numbers(tag) is { } values && values.Length >= count && values.All(double.IsFinite) ? values : throw Missing(path, name);

    private static VolumeFormatException Missing(string path, string name) =>
        new(path, $"DICOM image lacks a usable {name}; it cannot be placed in a volume");

    private static Vec3 Vector(double[] values, int start) => new(values[start], values[start + 1], values[start + 2]);

    private static Vec3 Unit(Vec3 v, string path) =>
        v.Length > 0.5 ? (1 / v.Length) * v : throw new VolumeFormatException(path, "ImageOrientationPatient holds a zero direction");

    private static Vec3 Cross(Vec3 a, Vec3 b) => new(a.Y * b.Z - a.Z * b.Y, a.Z * b.X - a.X * b.Z, a.X * b.Y - a.Y * b.X);
}
