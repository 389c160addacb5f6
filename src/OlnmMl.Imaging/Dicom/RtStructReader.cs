using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Dicom;

/// <summary>
/// Rasterises one ROI of a DICOM RTSTRUCT onto the image series it references: each CLOSED_PLANAR contour is taken to
/// voxel coordinates of that series' grid, placed on its nearest slice, and the voxels whose centres it encloses are
/// toggled (even–odd, so a contour inside another on the same slice is a hole). The mask is 1 inside, 0 outside.
/// </summary>
public static class RtStructReader
{
    /// <summary>A contour may lie this many slice spacings off the nearest slice centre.</summary>
    private const double SliceTolerance = 0.1;

    /// <summary>
    /// The mask of ROI <paramref name="roi"/> (its ROIName, or its ROINumber; may be null when the RTSTRUCT holds one
    /// ROI) of <paramref name="rtstruct"/>, on the series it references in <paramref name="imageFolder"/>.
    /// </summary>
    /// <exception cref="VolumeFormatException">
    /// Not an RTSTRUCT; the ROI absent (or several and none chosen; the message lists them); the referenced series not in
    /// the folder; a contour off every slice of the series.
    /// </exception>
    public static Volume ReadMask(string rtstruct, string imageFolder, string? roi = null) =>
        FromFile(DicomParser.Parse(rtstruct), imageFolder, roi);

    internal static Volume FromFile(DicomFile file, string imageFolder, string? roi)
    {
        var (rtstruct, data) = (file.Path, file.DataSet);
        var rois = data.Sequence(DicomTags.StructureSetRoiSequence)
            .Select(r => (Number: r.String(DicomTags.RoiNumber), Name: r.String(DicomTags.RoiName)))
            .ToList();
        if (rois.Count == 0)
        {
            throw new VolumeFormatException(rtstruct, "is not an RTSTRUCT with ROIs (no StructureSetROISequence (3006,0020))");
        }

        var listed = string.Join(", ", rois.Select(r => $"{r.Number} '{r.Name}'"));
        var chosen = roi is null
            ? rois.Count == 1 ? rois[0] : throw new VolumeFormatException(rtstruct, $"holds {rois.Count} ROIs; choose one by name or number: {listed}")
            : rois.FirstOrDefault(r => r.Name == roi || r.Number == roi);
        if (chosen.Number is null)
        {
            throw new VolumeFormatException(rtstruct, $"holds no ROI '{roi}'; it holds {listed}");
        }

        var referenced = ReferencedSeries(data);
        var image = DicomVolumeReader.ReadReferenced(rtstruct, imageFolder, referenced);
        var contours = data.Sequence(DicomTags.RoiContourSequence)
            .Where(c => c.String(DicomTags.ReferencedRoiNumber) == chosen.Number)
            .SelectMany(c => c.Sequence(DicomTags.ContourSequence))
            .Where(c => c.String(DicomTags.ContourGeometricType) is null or "CLOSED_PLANAR");
        var mask = Volume.Zeros(image.Geometry);
        var crossings = new List<double>();
        foreach (var contour in contours)
        {
            var points = contour.Numbers(DicomTags.ContourData) ?? [];
            Fill(rtstruct, mask, ToIndex(image.Geometry, points), crossings);
        }

        return mask;
    }

    /// <summary>The SeriesInstanceUID of the image series the RTSTRUCT's contours were drawn on, or null.</summary>
    internal static string? ReferencedSeries(DicomDataSet data) =>
        data.Sequence(DicomTags.ReferencedFrameOfReferenceSequence)
            .SelectMany(f => f.Sequence(DicomTags.RtReferencedStudySequence))
            .SelectMany(s => s.Sequence(DicomTags.RtReferencedSeriesSequence))
            .Select(s => s.String(DicomTags.SeriesInstanceUid))
            .FirstOrDefault(uid => uid is not null);

    private static Vec3[] ToIndex(ImageGeometry geometry, double[] xyz)
    {
        var points = new Vec3[xyz.Length / 3];
        for (var p = 0; p < points.Length; p++)
        {
            points[p] = geometry.PhysicalToIndex(new Vec3(xyz[3 * p], xyz[3 * p + 1], xyz[3 * p + 2]));
        }

        return points;
    }

    // Toggles the voxels of slice k whose centres (i, j) the polygon encloses: for each row j, the polygon's edges
    // crossing y = j (half-open in y, so a vertex on the row counts once) pair up into spans of x.
    private static void Fill(string rtstruct, Volume mask, Vec3[] points, List<double> crossings)
    {
        if (points.Length < 3)
        {
            return;
        }

        var size = mask.Size;
        var k = (int)Math.Round(points.Average(p => p.Z));
        if (points.Any(p => Math.Abs(p.Z - k) > SliceTolerance) || k < 0 || k >= size.Z)
        {
            throw new VolumeFormatException(rtstruct, $"a contour at z index {points[0].Z:0.##} lies off the slices of the referenced series (0–{size.Z - 1})");
        }

        var (low, high) = (Math.Max(0, (int)Math.Ceiling(points.Min(p => p.Y))), Math.Min(size.Y - 1, (int)Math.Floor(points.Max(p => p.Y))));
        for (var j = low; j <= high; j++)
        {
            crossings.Clear();
            for (var e = 0; e < points.Length; e++)
            {
                var (a, b) = (points[e], points[(e + 1) % points.Length]);
                if ((a.Y <= j && j < b.Y) || (b.Y <= j && j < a.Y))
                {
                    crossings.Add(a.X + (j - a.Y) * (b.X - a.X) / (b.Y - a.Y));
                }
            }

            crossings.Sort();
            for (var c = 0; c + 1 < crossings.Count; c += 2)
            {
                var (from, to) = (Math.Max(0, (int)Math.Ceiling(crossings[c])), Math.Min(size.X - 1, (int)Math.Floor(crossings[c + 1])));
                for (var i = from; i <= to; i++)
                {
                    var index = size.Index(i, j, k);
                    mask.Voxels[index] = 1 - mask.Voxels[index];
                }
            }
        }
    }
}
