namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// One unlabelled volume to pre-train on: a CT and, when known, its tumour mask (the crop is centred on the mask;
/// without one, on the volume's centre).
/// </summary>
/// <param name="ImagePath">The CT (.nii, .nii.gz, .nrrd).</param>
/// <param name="MaskPath">The tumour mask on the CT's grid, or null.</param>
public sealed record PretrainingVolume(string ImagePath, string? MaskPath)
{
    /// <summary>
    /// The volumes of a folder: every <c>.nii</c>/<c>.nii.gz</c>/<c>.nrrd</c> file below it, except those in a folder named
    /// <c>masks</c>; a volume <c>…/images/X</c> takes <c>…/masks/X</c> as its mask when that file exists (the layout of
    /// <c>olnm cohort generate</c>). Sorted by path, so the order does not depend on the file system.
    /// </summary>
    public static IReadOnlyList<PretrainingVolume> FromFolder(string folder)
    {
        if (!Directory.Exists(folder))
        {
            throw new DirectoryNotFoundException($"--data: folder '{folder}' does not exist.");
        }
        var volumes = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(IsVolume)
            .Where(f => !Path.GetDirectoryName(f)!.Split(Path.DirectorySeparatorChar).Contains("masks"))
            .Order(StringComparer.Ordinal)
            .Select(f => new PretrainingVolume(f, MaskOf(f)))
            .ToList();
        return volumes.Count > 0
            ? volumes
            : throw new ArgumentException($"--data: folder '{folder}' holds no .nii, .nii.gz or .nrrd volume.");
    }

    private static bool IsVolume(string path) =>
        path.EndsWith(".nii", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".nii.gz", StringComparison.OrdinalIgnoreCase)
        || path.EndsWith(".nrrd", StringComparison.OrdinalIgnoreCase);

    private static string? MaskOf(string image)
    {
        var folder = Path.GetDirectoryName(image)!;
        if (Path.GetFileName(folder) != "images")
        {
            return null;
        }
        var mask = Path.Combine(Path.GetDirectoryName(folder)!, "masks", Path.GetFileName(image));
        return File.Exists(mask) ? mask : null;
    }
}
