using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Torch.Crops;

/// <summary>Options of <see cref="CropsEstimator"/>: path columns, preprocessing and cache folder.</summary>
public sealed record CropsOptions
{
    /// <summary>Output vector column (C·E³ floats, channel-major, x fastest).</summary>
    public string OutputColumnName { get; init; } = "Image";

    /// <summary>Text column with the CT path.</summary>
    public string ImagePathColumnName { get; init; } = "ImagePath";

    /// <summary>Text column with the mask path.</summary>
    public string MaskPathColumnName { get; init; } = "MaskPath";

    /// <summary>Optional text column with a PET path (adds a second channel).</summary>
    public string? PetPathColumnName { get; init; }

    /// <summary>Resampling, intensity window and crop (published defaults: 1 mm, [−1600, 400] HU, 96³).</summary>
    public CropOptions Crop { get; init; } = new();

    /// <summary>Folder of the content-keyed crop cache.</summary>
    public string CacheDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "olnm-crops");

    /// <summary>Channels per case: 1 (CT) or 2 (CT + PET).</summary>
    public int Channels => PetPathColumnName is null ? 1 : 2;
}
