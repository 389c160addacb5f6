using OlnmMl.Imaging.Dicom;

namespace OlnmMl.Imaging.IO;

/// <summary>
/// Reads and writes volumes by file extension: .nii/.nii.gz (NIfTI-1), .nrrd/.nhdr (NRRD, read only); a folder or a
/// DICOM Part 10 file is read as DICOM (<see cref="DicomVolumeReader"/>, the folder's only image series; an RTSTRUCT or
/// SEG file as the mask of its only ROI on the series it references, <see cref="DicomMasks.ReadBesideItsSeries"/>).
/// </summary>
public static class VolumeIO
{
    /// <summary>Reads the volume at <paramref name="path"/>.</summary>
    /// <exception cref="VolumeFormatException">Unknown extension, missing or malformed file.</exception>
    public static Volume Read(string path)
    {
        var name = path.ToLowerInvariant();
        if (name.EndsWith(".nii", StringComparison.Ordinal) || name.EndsWith(".nii.gz", StringComparison.Ordinal))
        {
            return NiftiReader.Read(path);
        }

        if (name.EndsWith(".nrrd", StringComparison.Ordinal) || name.EndsWith(".nhdr", StringComparison.Ordinal))
        {
            return NrrdReader.Read(path);
        }

        if (DicomVolumeReader.IsDicom(path))
        {
            return DicomMasks.IsMask(path) ? DicomMasks.ReadBesideItsSeries(path) : DicomVolumeReader.Read(path);
        }

        throw new VolumeFormatException(path, "unknown volume format (expected .nii, .nii.gz, .nrrd, .nhdr, a DICOM file or a DICOM folder)");
    }

    /// <summary>Writes <paramref name="volume"/> as NIfTI-1 (.nii or .nii.gz) stored as <paramref name="type"/>.</summary>
    public static void Write(Volume volume, string path, VoxelType type = VoxelType.Float32)
    {
        var name = path.ToLowerInvariant();
        if (!name.EndsWith(".nii", StringComparison.Ordinal) && !name.EndsWith(".nii.gz", StringComparison.Ordinal))
        {
            throw new VolumeFormatException(path, "volumes are written as NIfTI-1: use a .nii or .nii.gz name");
        }

        NiftiWriter.Write(volume, path, type);
    }
}
