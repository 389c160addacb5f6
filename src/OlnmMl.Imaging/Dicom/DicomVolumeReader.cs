using System.Runtime.ExceptionServices;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Dicom;

/// <summary>
/// Reads a CT, PET or MR volume from DICOM: a folder (searched recursively; files without the Part 10 "DICM" marker
/// and objects without pixels, such as RTSTRUCT, are passed over) or a single file. Uncompressed implicit and explicit
/// VR little endian single-frame greyscale images; rescale slope/intercept applied; PET converted to SUV (body
/// weight, see <see cref="PetSuv"/>). Geometry as <see cref="DicomSeriesVolume"/> builds it.
/// </summary>
public static class DicomVolumeReader
{
    /// <summary>True when <paramref name="path"/> is a folder or a file with the DICOM Part 10 marker.</summary>
    public static bool IsDicom(string path) =>
        Directory.Exists(path) || (File.Exists(path) && DicomParser.HasMagic(path));

    /// <summary>The image series under <paramref name="path"/>, largest first.</summary>
    /// <exception cref="VolumeFormatException">No DICOM image there, or a malformed file.</exception>
    public static IReadOnlyList<DicomSeriesInfo> ListSeries(string path) =>
        Group(path).Select(Describe).OrderByDescending(s => s.SliceCount).ThenBy(s => s.SeriesInstanceUid, StringComparer.Ordinal).ToList();

    /// <summary>
    /// Reads the series <paramref name="seriesUid"/> under <paramref name="path"/>, or the only series when it is null.
    /// </summary>
    /// <exception cref="VolumeFormatException">
    /// No image; several series and none chosen (the message lists them); an unknown UID; a compressed transfer syntax;
    /// mismatched slices, gantry tilt, non-uniform spacing or a missing slice; PET fields SUV needs.
    /// </exception>
    public static Volume Read(string path, string? seriesUid = null)
    {
        var series = Group(path);
        List<DicomSlice> chosen;
        if (seriesUid is not null)
        {
            chosen = series.FirstOrDefault(s => s[0].SeriesUid == seriesUid)
                ?? throw new VolumeFormatException(path, $"holds no series {seriesUid}; it holds {List(series)}");
        }
        else if (series.Count > 1)
        {
            throw new VolumeFormatException(path, $"holds {series.Count} image series; choose one by SeriesInstanceUID (olnm convert --series UID): {List(series)}");
        }
        else
        {
            chosen = series[0];
        }

        return DicomSeriesVolume.Build(chosen);
    }

    /// <summary>
    /// <c>olnm convert</c>: reads the series (as <see cref="Read"/>) and writes it as NIfTI-1 float32 to
    /// <paramref name="output"/> atomically; returns the volume written.
    /// </summary>
    public static Volume Convert(string input, string output, string? seriesUid = null)
    {
        var volume = Read(input, seriesUid);
        VolumeIO.Write(volume, output);
        return volume;
    }

    /// <summary>
    /// The series <paramref name="referenced"/> (named by the mask object <paramref name="maskPath"/>) in
    /// <paramref name="folder"/>, or its only series when the mask names none.
    /// </summary>
    internal static Volume ReadReferenced(string maskPath, string folder, string? referenced)
    {
        if (referenced is null)
        {
            return Read(folder);
        }

        var present = ListSeries(folder);
        return present.Any(s => s.SeriesInstanceUid == referenced)
            ? Read(folder, referenced)
            : throw new VolumeFormatException(
                maskPath, $"references series {referenced}, which {folder} does not hold (it holds {string.Join("; ", present.Select(s => s.Describe()))})");
    }

    /// <summary>True when the folder <paramref name="folder"/> holds image series <paramref name="seriesUid"/>.</summary>
    /// <remarks>Unreadable files (compressed, malformed) are passed over: this is a search, not a read.</remarks>
    internal static bool Holds(string folder, string seriesUid) =>
        Group(folder, searching: true).Any(s => s[0].SeriesUid == seriesUid);

    private static List<List<DicomSlice>> Group(string path, bool searching = false)
    {
        string[] files;
        List<DicomSlice?> slices;
        if (Directory.Exists(path))
        {
            files = Directory.GetFiles(path, "*", SearchOption.AllDirectories);
            Array.Sort(files, StringComparer.Ordinal);
            slices = ParseAll(files, searching);
        }
        else if (File.Exists(path))
        {
            files = [path];
            slices = [DicomSlice.From(DicomParser.Parse(path))];
        }
        else
        {
            throw new VolumeFormatException(path, "no such DICOM file or folder");
        }

        var groups = slices.OfType<DicomSlice>().GroupBy(s => s.SeriesUid, StringComparer.Ordinal).Select(g => g.ToList()).ToList();
        return groups.Count > 0 || searching
            ? groups
            : throw new VolumeFormatException(path, $"holds no DICOM image ({files.Length} file(s) looked at; compressed, non-Part-10 and non-image files carry none)");
    }

    // Parses the Part 10 files of a folder in parallel; a bad file's own error surfaces, not PLINQ's wrapper (or, when
    // searching, the file is passed over).
    private static List<DicomSlice?> ParseAll(string[] files, bool searching)
    {
        try
        {
            return files.AsParallel().AsOrdered().Where(DicomParser.HasMagic).Select(f => searching ? TryParse(f) : DicomSlice.From(DicomParser.Parse(f))).ToList();
        }
        catch (AggregateException e) when (e.InnerExceptions.OfType<VolumeFormatException>().FirstOrDefault() is { } first)
        {
            ExceptionDispatchInfo.Throw(first);
            throw;
        }
    }

    private static DicomSlice? TryParse(string file)
    {
        try
        {
            return DicomSlice.From(DicomParser.Parse(file));
        }
        catch (VolumeFormatException)
        {
            return null;
        }
    }

    private static DicomSeriesInfo Describe(List<DicomSlice> slices) =>
        new(slices[0].SeriesUid, slices[0].Modality, slices[0].Description, slices.Count);

    private static string List(List<List<DicomSlice>> series) =>
        string.Join("; ", series.Select(Describe).OrderByDescending(s => s.SliceCount).Select(s => s.Describe()));
}
