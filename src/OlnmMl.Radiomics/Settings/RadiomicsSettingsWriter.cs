using System.Globalization;
using System.Text;

namespace OlnmMl.Radiomics.Settings;

/// <summary>
/// Writes a recipe as the YAML <see cref="RadiomicsSettingsYaml"/> reads: <c>Parse(ToYaml(s))</c> has the same
/// <see cref="RadiomicsSettings.Hash"/> as <c>s</c>. Header lines become <c># </c> comments at the top.
/// </summary>
public static class RadiomicsSettingsWriter
{
    /// <summary>The YAML text of <paramref name="settings"/>, after <paramref name="header"/> as comment lines.</summary>
    /// <exception cref="ArgumentException">A one-sided re-segmentation range, which the recipe format cannot hold.</exception>
    public static string ToYaml(RadiomicsSettings settings, IEnumerable<string> header)
    {
        var yaml = new StringBuilder();
        foreach (var line in header)
        {
            yaml.Append("# ").AppendLine(line);
        }

        yaml.AppendLine($"name: {Quote(settings.Name)}");
        if (settings.Interpolation is { } i)
        {
            yaml.AppendLine("interpolation:")
                .AppendLine($"  spacing: [{Number(i.Spacing.X)}, {Number(i.Spacing.Y)}, {Number(i.Spacing.Z)}]")
                .AppendLine($"  in_plane_only: {Bool(i.InPlaneOnly)}")
                .AppendLine($"  image: {i.Image switch { ImageInterpolation.Nearest => "nearest", ImageInterpolation.CubicSpline => "cubic", _ => "linear" }}")
                .AppendLine($"  round_intensities: {Bool(i.RoundIntensities)}")
                .AppendLine($"  mask_threshold: {Number(i.MaskThreshold)}");
        }

        var r = settings.Resegmentation;
        if (r != ResegmentationSettings.None)
        {
            yaml.AppendLine("resegmentation:");
            if (r.RangeMin is { } min && r.RangeMax is { } max)
            {
                yaml.AppendLine($"  range: [{Number(min)}, {Number(max)}]");
            }
            else if (r.RangeMin is not null || r.RangeMax is not null)
            {
                throw new ArgumentException("A recipe's re-segmentation range has both bounds or none.", nameof(settings));
            }

            if (r.OutlierSigma is { } k)
            {
                yaml.AppendLine($"  outlier_sigma: {Number(k)}");
            }
        }

        yaml.AppendLine("discretisation:");
        Discretisation(yaml, "texture", settings.Texture);
        Discretisation(yaml, "histogram", settings.Histogram);
        Discretisation(yaml, "ivh", settings.IntensityVolumeHistogram);
        Discretisation(yaml, "filtered", settings.Filtered);
        yaml.AppendLine("image_types:");
        foreach (var type in settings.ImageTypes)
        {
            yaml.AppendLine($"  - type: {TypeName(type.Kind)}");
            if (type.SigmasMm.Count > 0)
            {
                yaml.AppendLine($"    sigmas_mm: [{string.Join(", ", type.SigmasMm.Select(Number))}]");
            }

            if (type.Wavelets.Count > 0)
            {
                yaml.AppendLine($"    wavelets: [{string.Join(", ", type.Wavelets)}]");
            }
        }

        yaml.AppendLine($"families: [{string.Join(", ", settings.Families)}]")
            .AppendLine($"texture_distance: {settings.TextureDistance}");
        if (settings.TextureAggregations is { } aggregations)
        {
            yaml.AppendLine($"texture_aggregations: [{string.Join(", ", aggregations)}]");
        }

        yaml.AppendLine($"names: {(settings.Names == FeatureNaming.PyRadiomics ? "pyradiomics" : "ibsi")}");
        if (settings.MaskLabel is { } label)
        {
            yaml.AppendLine($"mask_label: {label}");
        }

        if (settings.Peritumoral is { } shell)
        {
            yaml.AppendLine(FormattableString.Invariant($"peritumoral: {{inner_mm: {shell.InnerMm:R}, outer_mm: {shell.OuterMm:R}}}"));
        }

        return yaml.ToString();
    }

    /// <summary>The recipe's name for an image filter (the <c>image_types[].type</c> value).</summary>
    public static string TypeName(ImageFilterKind kind) => kind switch
    {
        ImageFilterKind.Original => "original",
        ImageFilterKind.LaplacianOfGaussian => "log",
        ImageFilterKind.Wavelet => "wavelet",
        ImageFilterKind.Square => "square",
        ImageFilterKind.SquareRoot => "square_root",
        ImageFilterKind.Logarithm => "logarithm",
        ImageFilterKind.Exponential => "exponential",
        ImageFilterKind.Gradient => "gradient",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown image filter."),
    };

    private static void Discretisation(StringBuilder yaml, string key, DiscretisationSettings d)
    {
        var body = d.Method switch
        {
            DiscretisationMethod.FixedBinNumber => $"method: fixed_bin_number, bins: {d.BinCount}",
            DiscretisationMethod.FixedBinSize => $"method: fixed_bin_size, bin_width: {Number(d.BinWidth)}, bin_origin: {(d.Origin == BinOrigin.Zero ? "zero" : "lower_bound")}",
            _ => "method: none",
        };
        yaml.AppendLine($"  {key}: {{ {body} }}");
    }

    private static string Number(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    private static string Bool(bool value) => value ? "true" : "false";

    private static string Quote(string text) => "'" + text.Replace("'", "''", StringComparison.Ordinal) + "'";
}
