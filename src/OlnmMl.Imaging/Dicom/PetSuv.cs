using System.Globalization;

namespace OlnmMl.Imaging.Dicom;

/// <summary>
/// Converts a PET series to standardised uptake values normalised by body weight (SUVbw, g/ml):
/// SUV = C · W / (D · 2^(−Δt / T½)), with C the rescaled voxel value in Bq/ml (Units BQML), W the PatientWeight in g
/// (kg × 1000), D the RadionuclideTotalDose in Bq injected at RadiopharmaceuticalStartTime, T½ the
/// RadionuclideHalfLife in s, and Δt the time from injection to the SeriesTime (else the earliest AcquisitionTime)
/// when the images are decay corrected to the scan start (DecayCorrection START); Δt = 0 when they are decay corrected
/// to the injection (ADMIN). Images already in SUV (Units GML) are kept as stored.
/// </summary>
internal static class PetSuv
{
    /// <summary>The factor turning the series' rescaled values into SUVbw (1 for a series stored as GML).</summary>
    /// <exception cref="VolumeFormatException">Other units, DecayCorrection NONE, or a missing weight, dose, half-life or time.</exception>
    public static double Factor(IReadOnlyList<DicomSlice> slices)
    {
        try
        {
            return Compute(slices);
        }
        catch (FormatException e)
        {
            throw new VolumeFormatException(slices[0].Path, $"a PET dose, half-life or weight is not a number: {e.Message}", e);
        }
    }

    private static double Compute(IReadOnlyList<DicomSlice> slices)
    {
        var first = slices[0];
        var d = first.DataSet;
        var units = d.String(DicomTags.Units)?.ToUpperInvariant();
        if (units == "GML")
        {
            return 1;
        }

        if (units != "BQML")
        {
            throw new VolumeFormatException(first.Path, $"PET Units are '{units ?? "absent"}'; SUV needs activity concentrations in BQML (or values already in GML)");
        }

        var drug = d.Sequence(DicomTags.RadiopharmaceuticalInformationSequence) is [var item, ..]
            ? item
            : throw Missing(first.Path, "RadiopharmaceuticalInformationSequence (0054,0016)");
        var weight = d.Number(DicomTags.PatientWeight) is double w and > 0 ? w : throw Missing(first.Path, "PatientWeight (0010,1030)");
        var dose = drug.Number(DicomTags.RadionuclideTotalDose) is double dd and > 0 ? dd : throw Missing(first.Path, "RadionuclideTotalDose (0018,1074)");
        var halfLife = drug.Number(DicomTags.RadionuclideHalfLife) is double h and > 0 ? h : throw Missing(first.Path, "RadionuclideHalfLife (0018,1075)");
        var elapsed = d.String(DicomTags.DecayCorrection)?.ToUpperInvariant() switch
        {
            "START" => Elapsed(first.Path, Injection(first.Path, drug), ScanStart(slices)),
            "ADMIN" => 0,
            var other => throw new VolumeFormatException(first.Path, $"PET DecayCorrection '{other ?? "absent"}' is not converted to SUV (START or ADMIN are)"),
        };
        return weight * 1000 / (dose * Math.Pow(2, -elapsed / halfLife));
    }

    /// <summary>Seconds after midnight of a DICOM TM value (HHMMSS.FFFFFF, or the old HH:MM:SS.FFFFFF), or null.</summary>
    public static double? Seconds(string? time)
    {
        var t = time?.Replace(":", string.Empty, StringComparison.Ordinal).Trim();
        if (t is null || t.Length < 2 || !int.TryParse(t.AsSpan(0, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var hours))
        {
            return null;
        }

        var minutes = t.Length >= 4 && int.TryParse(t.AsSpan(2, 2), NumberStyles.None, CultureInfo.InvariantCulture, out var m) ? m : 0;
        var seconds = t.Length > 4 && double.TryParse(t.AsSpan(4), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var s) ? s : 0;
        return hours * 3600 + minutes * 60 + seconds;
    }

    private static double Injection(string path, DicomDataSet drug) =>
        Seconds(drug.String(DicomTags.RadiopharmaceuticalStartTime)) ?? throw Missing(path, "RadiopharmaceuticalStartTime (0018,1072)");

    private static double ScanStart(IReadOnlyList<DicomSlice> slices) =>
        Seconds(slices[0].DataSet.String(DicomTags.SeriesTime))
        ?? slices.Select(s => Seconds(s.DataSet.String(DicomTags.AcquisitionTime))).Min()
        ?? throw Missing(slices[0].Path, "SeriesTime (0008,0031) or AcquisitionTime (0008,0032)");

    // A scan that starts before the injection's clock time crossed midnight.
    private static double Elapsed(string path, double injection, double start)
    {
        var elapsed = start >= injection ? start - injection : start + 86400 - injection;
        return elapsed <= 12 * 3600
            ? elapsed
            : throw new VolumeFormatException(path, $"PET scan starts {elapsed / 3600:0.#} h after the injection (RadiopharmaceuticalStartTime vs SeriesTime); check the timing fields");
    }

    private static VolumeFormatException Missing(string path, string name) =>
        new(path, $"PET series in BQML lacks {name}, needed for SUV (body weight)");
}
