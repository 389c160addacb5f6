using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Imaging.Dicom;

/// <summary>
/// Stacks the slices of one series into a <see cref="Volume"/>: ordered by position along the slice normal
/// (row direction × column direction), origin at the first slice, x along the rows, y down the columns, z along the
/// normal (LPS, mm), spacing between slices from their positions. Refuses mismatched slices, two slices at one
/// position, gantry tilt (positions off the normal) and non-uniform spacing (a missing slice).
/// </summary>
internal static class DicomSeriesVolume
{
    /// <summary>Relative tolerance on the step between slices (a missing slice doubles one step).</summary>
    private const double StepTolerance = 0.01;

    /// <summary>Positions may leave the normal by this many mm plus <see cref="TiltTolerance"/> per mm along it.</summary>
    private const double OffNormalTolerance = 0.01;

    private const double TiltTolerance = 1e-3;

    public static Volume Build(IReadOnlyList<DicomSlice> series)
    {
        var first = series[0];
        foreach (var slice in series)
        {
            CheckSameGrid(first, slice);
        }

        var normal = first.Normal;
        var sorted = series.OrderBy(s => Dot(s.Position, normal)).ToList();
        var origin = sorted[0];
        var step = SliceStep(sorted, normal);
        var size = new GridSize(first.Columns, first.Rows, sorted.Count);
        var (r, c) = (first.RowDirection, first.ColumnDirection);
        var direction = new Direction3([r.X, c.X, normal.X, r.Y, c.Y, normal.Y, r.Z, c.Z, normal.Z]);
        var geometry = new ImageGeometry(size, new Vec3(first.ColumnSpacing, first.RowSpacing, step), origin.Position, direction);
        var suv = first.Modality == "PT" ? PetSuv.Factor(sorted) : 1.0;
        return new Volume(geometry, ReadPixels(sorted, size, suv));
    }

    private static float[] ReadPixels(List<DicomSlice> sorted, GridSize size, double suv)
    {
        var perSlice = size.X * size.Y;
        var voxels = new float[size.Count];
        var buffer = new byte[perSlice * (sorted[0].BitsAllocated / 8)];
        for (var k = 0; k < sorted.Count; k++)
        {
            var slice = sorted[k];
            using (var stream = new FileStream(slice.Path, FileMode.Open, FileAccess.Read, FileShare.Read, bufferSize: 1, FileOptions.SequentialScan))
            {
                stream.Position = slice.PixelOffset;
                stream.ReadExactly(buffer);
            }

            DicomPixels.Decode(buffer, slice, (float)(slice.Slope * suv), (float)(slice.Intercept * suv), voxels.AsSpan(k * perSlice, perSlice));
        }

        return voxels;
    }

    private static void CheckSameGrid(DicomSlice first, DicomSlice slice)
    {
        string? problem = null;
        if (slice.Rows != first.Rows || slice.Columns != first.Columns)
        {
            problem = $"is {slice.Columns}×{slice.Rows} pixels, {Path.GetFileName(first.Path)} of the same series {first.Columns}×{first.Rows}";
        }
        else if ((slice.RowDirection - first.RowDirection).Length > 1e-4 || (slice.ColumnDirection - first.ColumnDirection).Length > 1e-4)
        {
            problem = $"has another ImageOrientationPatient than {Path.GetFileName(first.Path)} of the same series (several stacks or a localizer)";
        }
        else if (Math.Abs(slice.RowSpacing - first.RowSpacing) > 1e-4 || Math.Abs(slice.ColumnSpacing - first.ColumnSpacing) > 1e-4)
        {
            problem = $"has another PixelSpacing than {Path.GetFileName(first.Path)} of the same series";
        }
        else if (slice.BitsAllocated != first.BitsAllocated)
        {
            problem = $"has {slice.BitsAllocated} bits allocated, {Path.GetFileName(first.Path)} of the same series {first.BitsAllocated}";
        }

        if (problem is not null)
        {
            throw new VolumeFormatException(slice.Path, problem);
        }
    }

    // The uniform step between sorted slices; refuses gantry tilt, duplicates and gaps.
    private static double SliceStep(List<DicomSlice> sorted, Vec3 normal)
    {
        if (sorted.Count == 1)
        {
            return sorted[0].SliceThickness is double t and > 0 ? t : 1.0;
        }

        var start = sorted[0];
        var steps = new double[sorted.Count - 1];
        for (var k = 1; k < sorted.Count; k++)
        {
            var offset = sorted[k].Position - start.Position;
            var along = Dot(offset, normal);
            var off = (offset - along * normal).Length;
            if (off > OffNormalTolerance + TiltTolerance * Math.Abs(along))
            {
                var degrees = Math.Atan2(off, Math.Abs(along)) * 180 / Math.PI;
                throw new VolumeFormatException(
                    sorted[k].Path,
                    $"gantry tilt: the slice lies {off:0.###} mm off the normal of {Path.GetFileName(start.Path)} over {Math.Abs(along):0.###} mm ({degrees:0.##}°); tilted series are not read: correct the tilt first (dcm2niix does)");
            }

            steps[k - 1] = along - Dot(sorted[k - 1].Position - start.Position, normal);
            if (steps[k - 1] < 1e-4)
            {
                throw new VolumeFormatException(
                    sorted[k].Path, $"lies at the same position as {Path.GetFileName(sorted[k - 1].Path)} of the same series (several echoes, phases or time points); only one stack per series is read");
            }
        }

        var typical = steps.Order().ElementAt(steps.Length / 2);
        for (var k = 0; k < steps.Length; k++)
        {
            if (Math.Abs(steps[k] - typical) > StepTolerance * typical)
            {
                throw new VolumeFormatException(
                    sorted[k + 1].Path,
                    $"non-uniform slice spacing: {steps[k]:0.###} mm from {Path.GetFileName(sorted[k].Path)} to this slice, {typical:0.###} mm between most slices of the series (a missing slice or a variable spacing)");
            }
        }

        return Dot(sorted[^1].Position - start.Position, normal) / steps.Length;
    }

    private static double Dot(Vec3 a, Vec3 b) => a.X * b.X + a.Y * b.Y + a.Z * b.Z;
}
