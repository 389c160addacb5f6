using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Dicom;

/// <summary>
/// Reads one segment of a DICOM-SEG (BINARY, 1 bit per pixel, frames packed without padding, least significant bit
/// first) onto the series it references: each frame of the segment is placed on the slice of that series at its
/// ImagePositionPatient; the frames must lie on the series' grid (same rows, columns and orientation, no resampling).
/// </summary>
public static class SegReader
{
    /// <summary>Positions may miss a voxel centre of the series by this fraction of a voxel.</summary>
    private const double GridTolerance = 1e-3;

    /// <summary>
    /// The mask of segment <paramref name="segment"/> (its SegmentLabel or SegmentNumber; may be null when the SEG holds
    /// one segment) of <paramref name="seg"/>, on the series it references in <paramref name="imageFolder"/>.
    /// </summary>
    /// <exception cref="VolumeFormatException">
    /// Not a BINARY SEG; the segment absent (or several and none chosen; the message lists them); the referenced series
    /// not in the folder; a frame off the series' grid.
    /// </exception>
    public static Volume ReadMask(string seg, string imageFolder, string? segment = null) =>
        FromFile(DicomParser.Parse(seg), imageFolder, segment);

    internal static Volume FromFile(DicomFile file, string imageFolder, string? segment)
    {
        var (path, d) = (file.Path, file.DataSet);
        if (d.String(DicomTags.SegmentationType) != "BINARY" || d.UInt16(DicomTags.BitsAllocated) != 1 || file.PixelDataOffset < 0)
        {
            throw new VolumeFormatException(path, $"is not a BINARY DICOM-SEG with 1-bit pixels (SegmentationType '{d.String(DicomTags.SegmentationType)}'); only those are read");
        }

        var number = ChooseSegment(path, d, segment);
        var image = DicomVolumeReader.ReadReferenced(path, imageFolder, ReferencedSeries(d));
        var (rows, columns) = (d.UInt16(DicomTags.Rows) ?? 0, d.UInt16(DicomTags.Columns) ?? 0);
        if (rows != image.Size.Y || columns != image.Size.X)
        {
            throw new VolumeFormatException(path, $"frames are {columns}×{rows}, the referenced series {image.Size.X}×{image.Size.Y}; resampling a SEG is not supported");
        }

        var frames = d.Sequence(DicomTags.PerFrameFunctionalGroupsSequence);
        var perFrame = (long)rows * columns;
        var bits = new byte[(perFrame * frames.Count + 7) / 8];
        if (file.PixelDataLength < bits.Length)
        {
            throw new VolumeFormatException(path, $"Pixel Data holds {file.PixelDataLength} bytes, {frames.Count} frames of {columns}×{rows} bits need {bits.Length}");
        }

        using (var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1))
        {
            stream.Position = file.PixelDataOffset;
            stream.ReadExactly(bits);
        }

        var mask = Volume.Zeros(image.Geometry);
        for (var f = 0; f < frames.Count; f++)
        {
            var ids = frames[f].Sequence(DicomTags.SegmentIdentificationSequence);
            if (ids.Count > 0 && ids[0].UInt16(DicomTags.ReferencedSegmentNumber) == number)
            {
                var k = SliceOf(path, image.Geometry, frames[f], f);
                Unpack(bits, f * perFrame, mask.Voxels.AsSpan((int)(k * perFrame), (int)perFrame));
            }
        }

        return mask;
    }

    /// <summary>The SeriesInstanceUID of the image series the SEG was made on, or null.</summary>
    internal static string? ReferencedSeries(DicomDataSet d) =>
        d.Sequence(DicomTags.ReferencedSeriesSequence).Select(s => s.String(DicomTags.SeriesInstanceUid)).FirstOrDefault(u => u is not null);

    private static int ChooseSegment(string path, DicomDataSet d, string? segment)
    {
        var segments = d.Sequence(DicomTags.SegmentSequence)
            .Select(s => (Number: s.UInt16(DicomTags.SegmentNumber) ?? 0, Label: s.String(DicomTags.SegmentLabel)))
            .ToList();
        var listed = string.Join(", ", segments.Select(s => $"{s.Number} '{s.Label}'"));
        if (segment is null)
        {
            return segments.Count == 1 ? segments[0].Number : throw new VolumeFormatException(path, $"holds {segments.Count} segments; choose one by label or number: {listed}");
        }

        var found = segments.FirstOrDefault(s => s.Label == segment || s.Number.ToString(System.Globalization.CultureInfo.InvariantCulture) == segment);
        return found.Number > 0 ? found.Number : throw new VolumeFormatException(path, $"holds no segment '{segment}'; it holds {listed}");
    }

    // The slice of the series at frame f's position; refuses a frame between slices or shifted in plane.
    private static int SliceOf(string path, ImageGeometry geometry, DicomDataSet frame, int f)
    {
        var position = frame.Sequence(DicomTags.PlanePositionSequence) is [var plane, ..] ? plane.Numbers(DicomTags.ImagePositionPatient) : null;
        if (position is not { Length: 3 })
        {
            throw new VolumeFormatException(path, $"frame {f + 1} has no ImagePositionPatient in its PlanePositionSequence");
        }

        var at = geometry.PhysicalToIndex(new Vec3(position[0], position[1], position[2]));
        var k = (int)Math.Round(at.Z);
        if (Math.Abs(at.X) > GridTolerance || Math.Abs(at.Y) > GridTolerance || Math.Abs(at.Z - k) > GridTolerance || k < 0 || k >= geometry.Size.Z)
        {
            throw new VolumeFormatException(path, $"frame {f + 1} at ({position[0]}, {position[1]}, {position[2]}) is not a slice of the referenced series (voxel {at.X:0.###}, {at.Y:0.###}, {at.Z:0.###})");
        }

        return k;
    }

    // Sets target[p] = 1 where bit (start + p) of the packed frames is set (least significant bit first).
    private static void Unpack(byte[] bits, long start, Span<float> target)
    {
        for (var p = 0; p < target.Length; p++)
        {
            var bit = start + p;
            if ((bits[bit >> 3] & (1 << (int)(bit & 7))) != 0)
            {
                target[p] = 1;
            }
        }
    }
}
