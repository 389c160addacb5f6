using OlnmMl.Imaging.IO;

namespace OlnmMl.Imaging.Dicom;

/// <summary>Masks from DICOM: an RTSTRUCT ROI (<see cref="RtStructReader"/>) or a DICOM-SEG segment (<see cref="SegReader"/>), on the series each references.</summary>
public static class DicomMasks
{
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

    /// <summary><c>olnm convert --mask</c>: the mask of <see cref="Read"/> written as NIfTI-1 uint8 to <paramref name="output"/> atomically; returns it.</summary>
    public static Volume Convert(string maskFile, string imageFolder, string output, string? region = null)
    {
        var mask = Read(maskFile, imageFolder, region);
        VolumeIO.Write(mask, output, VoxelType.UInt8);
        return mask;
    }
}
