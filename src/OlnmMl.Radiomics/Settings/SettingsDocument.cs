namespace OlnmMl.Radiomics.Settings;

// The YAML shape of a recipe (snake_case keys); validated and converted by RadiomicsSettingsYaml.
internal sealed class SettingsDocument
{
    public string? Name { get; set; }
    public InterpolationDocument? Interpolation { get; set; }
    public ResegmentationDocument? Resegmentation { get; set; }
    public DiscretisationBlock? Discretisation { get; set; }
    public List<ImageTypeDocument>? ImageTypes { get; set; }
    public List<string>? Families { get; set; }
    public int? TextureDistance { get; set; }
    public List<string>? TextureAggregations { get; set; }
    public string? Names { get; set; }
    public int? MaskLabel { get; set; }
    public PeritumoralDocument? Peritumoral { get; set; }
}

internal sealed class PeritumoralDocument
{
    public double? InnerMm { get; set; }
    public double? OuterMm { get; set; }
}

internal sealed class InterpolationDocument
{
    public List<double>? Spacing { get; set; }
    public bool InPlaneOnly { get; set; }
    public string? Image { get; set; }
    public bool RoundIntensities { get; set; }
    public double? MaskThreshold { get; set; }
}

internal sealed class ResegmentationDocument
{
    public List<double>? Range { get; set; }
    public double? OutlierSigma { get; set; }
}

internal sealed class DiscretisationBlock
{
    public DiscretisationDocument? Texture { get; set; }
    public DiscretisationDocument? Histogram { get; set; }
    public DiscretisationDocument? Ivh { get; set; }
    public DiscretisationDocument? Filtered { get; set; }
}

internal sealed class DiscretisationDocument
{
    public string? Method { get; set; }
    public int? Bins { get; set; }
    public double? BinWidth { get; set; }
    public string? BinOrigin { get; set; }
}

internal sealed class ImageTypeDocument
{
    public string? Type { get; set; }
    public List<double>? SigmasMm { get; set; }
    public List<string>? Wavelets { get; set; }
}
