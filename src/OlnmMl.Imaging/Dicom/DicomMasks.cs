using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Dicom;

/// <summary>Masks from DICOM: an RTSTRUCT ROI (<see cref="RtStructReader"/>) or a DICOM-SEG segment (<see cref="SegReader"/>), on the series each references.</summary>
public static class DicomMasks
{
    /// <summary>How many folders above a mask file <see cref="ReadBesideItsSeries"/> looks for its series.</summary>
    public const int FoldersUp = 2;

    /// <summary>
    /// The mask of <paramref name="region"/> (ROI or segment, by name or number; null when there is one) of the RTSTRUCT or
    /// SEG file <paramref name="maskFile"/>, on the series it references in <paramref name="imageFolder"/>.
    /// </summary>
    /// <exception cref="VolumeFormatException">Neither an RTSTRUCT nor a SEG, or as the two readers say.</exception>
    public static Volume Read(string maskFile, string imageFolder, string? region = null)
    {
        var file = DicomParser.Parse(maskFile);
        return file.DataSet.String(DicomTags.Modality) switch
        {
            "RTSTRUCT" => RtStructReader.FromFile(file, imageFolder, region),
            "SEG" => SegReader.FromFile(file, imageFolder, region),
            var other => throw new VolumeFormatException(maskFile, $"is a DICOM {other ?? "object without Modality"}, not an RTSTRUCT or SEG mask"),
        };
    }

    /// <summary>True when <paramref name="path"/> is an RTSTRUCT or SEG file.</summary>
    public static bool IsMask(string path) =>
        File.Exists(path) && DicomParser.HasMagic(path) && DicomParser.Parse(path).DataSet.String(DicomTags.Modality) is "RTSTRUCT" or "SEG";

    /// <summary>
    /// A mask path on its own (a manifest's mask column): the only ROI or segment of the RTSTRUCT or SEG
    /// <paramref name="maskFile"/>, on the series it references, looked for in the mask's folder and up to
    /// <see cref="FoldersUp"/> folders above it (e.g. <c>study/mask/RS.dcm</c> beside <c>study/image/</c>).
    /// </summary>
    /// <exception cref="VolumeFormatException">No referenced series named or found there; several ROIs; as <see cref="Read"/>.</exception>
    public static Volume ReadBesideItsSeries(string maskFile)
    {
        var file = DicomParser.Parse(maskFile);
        var isSeg = file.DataSet.String(DicomTags.Modality) == "SEG";
        var referenced = (isSeg ? SegReader.ReferencedSeries(file.DataSet) : RtStructReader.ReferencedSeries(file.DataSet))
            ?? throw new VolumeFormatException(maskFile, "names no referenced series; convert it with 'olnm convert <series folder> --mask FILE --out mask.nii.gz'");
        var folder = Path.GetDirectoryName(Path.GetFullPath(maskFile))!;
        for (var up = 0; up <= FoldersUp && folder is not null; up++, folder = Path.GetDirectoryName(folder))
        {
            if (DicomVolumeReader.Holds(folder, referenced))
            {
                return isSeg ? SegReader.FromFile(file, folder, null) : RtStructReader.FromFile(file, folder, null);
            }
        }

        throw new VolumeFormatException(
            maskFile, $"references series {referenced}, not found in its folder or the {FoldersUp} above; convert it with 'olnm convert <series folder> --mask FILE --out mask.nii.gz'");
    }

    /// <summary><c>olnm convert --mask</c>: the mask of <see cref="Read"/> written as NIfTI-1 uint8 to <paramref name="output"/> atomically; returns it.</summary>
    public static Volume Convert(string maskFile, string imageFolder, string output, string? region = null)
    {
        var mask = Read(maskFile, imageFolder, region);
        VolumeIO.Write(mask, output, VoxelType.UInt8);
        return mask;
    }
}
