using OlnmMl.Imaging.Morphology;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OlnmMl.Radiomics.Settings;

/// <summary>
/// One extraction recipe (one YAML file under <c>pipelines/radiomics/</c>): interpolation,
/// re-segmentation, discretisation per family group, image types (filters) and enabled families.
/// </summary>
/// <param name="Name">Recipe name, recorded with every result.</param>
/// <param name="Interpolation">IBSI interpolation, or null to keep the image grid.</param>
/// <param name="Resegmentation">Intensity re-segmentation of the original image.</param>
/// <param name="Texture">Discretisation for texture families.</param>
/// <param name="Histogram">Discretisation for the intensity histogram.</param>
/// <param name="IntensityVolumeHistogram">Discretisation for the intensity-volume histogram.</param>
/// <param name="Filtered">Discretisation used for every family on filtered images (a bin width in HU means nothing there).</param>
/// <param name="ImageTypes">Images to compute features on; features of each are prefixed with its name.</param>
/// <param name="Families">Enabled family names (<see cref="FeatureFamilies"/>).</param>
/// <param name="TextureDistance">Neighbour distance (Chebyshev, voxels) of the texture matrices.</param>
/// <param name="TextureAggregations">Texture aggregation suffixes (<see cref="TextureAggregationNames"/>); zone families use the dimensions they name.</param>
/// <param name="Names">How features are named (left out of the hash when IBSI, the default).</param>
/// <param name="MaskLabel">
/// The mask value that is the ROI (PyRadiomics' <c>label</c>), used where the caller gives none
/// (<c>ExtractionOptions.MaskLabel</c> wins); null: the mask's only non-zero value. Left out of the hash when null.
/// </param>
/// <param name="Peritumoral">The shell around the tumour to describe instead of the tumour, or null for the tumour itself.</param>
public sealed record RadiomicsSettings(
    string Name,
    InterpolationSettings? Interpolation,
    ResegmentationSettings Resegmentation,
    DiscretisationSettings Texture,
    DiscretisationSettings Histogram,
    DiscretisationSettings IntensityVolumeHistogram,
    DiscretisationSettings Filtered,
    IReadOnlyList<ImageTypeSettings> ImageTypes,
    IReadOnlyList<string> Families,
    int TextureDistance = 1,
    IReadOnlyList<string>? TextureAggregations = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] FeatureNaming Names = FeatureNaming.Ibsi,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? MaskLabel = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] PeritumoralRegion? Peritumoral = null)
{
    private static readonly JsonSerializerOptions HashJson = new() { WriteIndented = false };

    /// <summary>The texture aggregation suffixes in use (all six when none were given).</summary>
    public IReadOnlyList<string> Aggregations => TextureAggregations ?? TextureAggregationNames.All;

    /// <summary>True when <paramref name="family"/> is enabled.</summary>
    public bool Has(string family) => Families.Contains(family, StringComparer.Ordinal);

    /// <summary>
    /// SHA-256 (hex) of the recipe's canonical JSON form: the settings part of the extraction cache key (a tumour recipe
    /// has no <see cref="Peritumoral"/> entry in it, so its hash is what it was before the option existed).
    /// </summary>
    public string Hash()
    {
        var json = JsonSerializer.Serialize(this, HashJson);
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(json)));
    }
}
