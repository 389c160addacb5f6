using OlnmMl.Imaging.Morphology;
using OlnmMl.Imaging.Geometry;
using YamlDotNet.Core;
using YamlDotNet.Serialization;
using YamlDotNet.Serialization.NamingConventions;

namespace OlnmMl.Radiomics.Settings;

/// <summary>
/// Reads a recipe from YAML. Keys (snake_case): <c>name</c>; <c>interpolation</c> {<c>spacing</c> [x, y, z] mm,
/// <c>in_plane_only</c>, <c>image</c> linear|nearest|cubic|nearest, <c>round_intensities</c>, <c>mask_threshold</c>};
/// <c>resegmentation</c> {<c>range</c> [min, max], <c>outlier_sigma</c>}; <c>discretisation</c> {<c>texture</c>,
/// <c>histogram</c>, <c>ivh</c>, <c>filtered</c>: {<c>method</c> fixed_bin_number|fixed_bin_size|none, <c>bins</c>,
/// <c>bin_width</c>, <c>bin_origin</c> lower_bound|zero}}; <c>image_types</c> [{<c>type</c> original|log|wavelet|square|square_root|logarithm|exponential|gradient,
/// <c>sigmas_mm</c>, <c>wavelets</c>}]; <c>families</c> [morph, loc, stat, ih, ivh, glcm, …]; <c>texture_distance</c>; <c>texture_aggregations</c> [3d_avg, 3d_v_mrg, …];
/// <c>names</c> ibsi|pyradiomics; <c>mask_label</c>; <c>peritumoral</c> {<c>inner_mm</c> (default 0), <c>outer_mm</c>}: describe the
/// shell around the tumour (<see cref="PeritumoralRegion"/>). A PyRadiomics parameter file (top-level <c>imageType</c>,
/// <c>featureClass</c>, <c>setting</c> or <c>voxelSetting</c>) is read through <see cref="PyRadiomics.PyRadiomicsParams"/>.
/// Unknown keys and invalid values throw <see cref="RadiomicsSettingsException"/> naming the source, line and key.
/// </summary>
public static class RadiomicsSettingsYaml
{
    private static readonly IDeserializer Deserializer = new DeserializerBuilder()
        .WithNamingConvention(UnderscoredNamingConvention.Instance)
        .Build();

    /// <summary>Reads the recipe file at <paramref name="path"/>.</summary>
    public static RadiomicsSettings Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RadiomicsSettingsException($"Radiomics settings file '{path}' does not exist.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Parses recipe YAML, or a PyRadiomics parameter file; <paramref name="source"/> names it in error messages.</summary>
    public static RadiomicsSettings Parse(string yaml, string source = "<yaml>")
    {
        if (PyRadiomics.PyRadiomicsParams.IsParameterFile(yaml))
        {
            return PyRadiomics.PyRadiomicsParams.Parse(yaml, source).Settings;
        }

        SettingsDocument? document;
        try
        {
            document = Deserializer.Deserialize<SettingsDocument>(yaml);
        }
        catch (YamlException e)
        {
            var reason = e.InnerException?.Message ?? e.Message;
            throw new RadiomicsSettingsException($"{source}: line {e.Start.Line}, column {e.Start.Column}: {reason}", e);
        }

        if (document is null)
        {
            throw new RadiomicsSettingsException($"{source}: the file is empty.");
        }

        return Convert(document, source);
    }

    private static RadiomicsSettings Convert(SettingsDocument d, string source)
    {
        var families = d.Families ?? [.. FeatureFamilies.All];
        foreach (var family in families)
        {
            if (!FeatureFamilies.All.Contains(family))
            {
                Fail(source, "families", $"unknown family '{family}' (expected one of {string.Join(", ", FeatureFamilies.All)})");
            }
        }

        var block = d.Discretisation ?? new DiscretisationBlock();
        var texture = Discretisation(block.Texture, source, "discretisation.texture")
            ?? new DiscretisationSettings(DiscretisationMethod.FixedBinNumber);
        var distance = d.TextureDistance ?? 1;
        if (distance < 1)
        {
            Fail(source, "texture_distance", $"must be ≥ 1, got {distance}");
        }

        return new RadiomicsSettings(
            string.IsNullOrWhiteSpace(d.Name) ? Path.GetFileNameWithoutExtension(source) : d.Name,
            Interpolation(d.Interpolation, source),
            Resegmentation(d.Resegmentation, source),
            texture,
            Discretisation(block.Histogram, source, "discretisation.histogram") ?? texture,
            Discretisation(block.Ivh, source, "discretisation.ivh") ?? DiscretisationSettings.Identity,
            Discretisation(block.Filtered, source, "discretisation.filtered") ?? new DiscretisationSettings(DiscretisationMethod.FixedBinNumber),
            (d.ImageTypes ?? []).Select((t, i) => ImageType(t, source, $"image_types[{i}]")).DefaultIfEmpty(ImageTypeSettings.Original).ToArray(),
            families,
            distance,
            Aggregations(d.TextureAggregations, source),
            Naming(d.Names, source),
            MaskLabel(d.MaskLabel, source),
            Peritumoral(d.Peritumoral, source));
    }

    private static PeritumoralRegion? Peritumoral(PeritumoralDocument? d, string source)
    {
        if (d is null)
        {
            return null;
        }

        var inner = d.InnerMm ?? 0;
        if (d.OuterMm is not { } outer || !(inner >= 0 && outer > inner && double.IsFinite(outer)))
        {
            return Fail<PeritumoralRegion>(source, "peritumoral", $"needs 0 ≤ inner_mm < outer_mm (finite), got inner_mm {inner} and outer_mm {d.OuterMm?.ToString() ?? "missing"}");
        }

        return new PeritumoralRegion(inner, outer);
    }

    private static FeatureNaming Naming(string? names, string source) => names switch
    {
        null or "ibsi" => FeatureNaming.Ibsi,
        "pyradiomics" => FeatureNaming.PyRadiomics,
        var other => Fail<FeatureNaming>(source, "names", $"unknown naming '{other}' (expected ibsi or pyradiomics)"),
    };

    private static int? MaskLabel(int? label, string source) =>
        label is { } l && l < 1 ? Fail<int?>(source, "mask_label", $"must be a positive mask value, got {l}") : label;

    private static IReadOnlyList<string>? Aggregations(List<string>? names, string source)
    {
        foreach (var name in names ?? [])
        {
            if (!TextureAggregationNames.All.Contains(name))
            {
                Fail(source, "texture_aggregations", $"unknown aggregation '{name}' (expected {string.Join(", ", TextureAggregationNames.All)})");
            }
        }

        return names is { Count: > 0 } ? names : null;
    }

    private static InterpolationSettings? Interpolation(InterpolationDocument? d, string source)
    {
        if (d is null)
        {
            return null;
        }

        if (d.Spacing is not { Count: 3 } s || s.Any(v => !(v > 0)))
        {
            Fail(source, "interpolation.spacing", "must be three positive spacings in mm, e.g. [2, 2, 2]");
        }

        var kernel = (d.Image ?? "linear") switch
        {
            "linear" => ImageInterpolation.Linear,
            "nearest" => ImageInterpolation.Nearest,
            "cubic" => ImageInterpolation.CubicSpline,
            var other => Fail<ImageInterpolation>(source, "interpolation.image", $"unknown kernel '{other}' (expected linear, nearest or cubic)"),
        };
        var threshold = d.MaskThreshold ?? 0.5;
        if (!(threshold > 0 && threshold <= 1))
        {
            Fail(source, "interpolation.mask_threshold", $"must lie in (0, 1], got {threshold}");
        }

        return new InterpolationSettings(new Vec3(d.Spacing![0], d.Spacing[1], d.Spacing[2]), d.InPlaneOnly, kernel, d.RoundIntensities, threshold);
    }

    private static ResegmentationSettings Resegmentation(ResegmentationDocument? d, string source)
    {
        if (d is null)
        {
            return ResegmentationSettings.None;
        }

        double? min = null, max = null;
        if (d.Range is { } range)
        {
            if (range.Count != 2 || !(range[0] < range[1]))
            {
                Fail(source, "resegmentation.range", "must be [min, max] with min < max");
            }

            (min, max) = (range[0], range[1]);
        }

        if (d.OutlierSigma is { } k && !(k > 0))
        {
            Fail(source, "resegmentation.outlier_sigma", $"must be positive, got {k}");
        }

        return new ResegmentationSettings(min, max, d.OutlierSigma);
    }

    private static DiscretisationSettings? Discretisation(DiscretisationDocument? d, string source, string key)
    {
        if (d is null)
        {
            return null;
        }

        switch (d.Method)
        {
            case "fixed_bin_number":
                if (d.Bins is not { } bins || bins < 1)
                {
                    Fail(source, key + ".bins", "fixed_bin_number needs bins ≥ 1");
                }

                return new DiscretisationSettings(DiscretisationMethod.FixedBinNumber, BinCount: d.Bins!.Value);
            case "fixed_bin_size":
                if (d.BinWidth is not { } width || !(width > 0))
                {
                    Fail(source, key + ".bin_width", "fixed_bin_size needs a positive bin_width");
                }

                return new DiscretisationSettings(DiscretisationMethod.FixedBinSize, BinWidth: d.BinWidth!.Value, Origin: d.BinOrigin switch
                {
                    null or "lower_bound" => BinOrigin.LowerBound,
                    "zero" => BinOrigin.Zero,
                    var other => Fail<BinOrigin>(source, key + ".bin_origin", $"unknown origin '{other}' (expected lower_bound or zero)"),
                });
            case "none":
                return DiscretisationSettings.Identity;
            default:
                return Fail<DiscretisationSettings>(source, key + ".method", $"unknown method '{d.Method}' (expected fixed_bin_number, fixed_bin_size or none)");
        }
    }

    private static ImageTypeSettings ImageType(ImageTypeDocument d, string source, string key)
    {
        var kind = d.Type switch
        {
            "original" => ImageFilterKind.Original,
            "log" => ImageFilterKind.LaplacianOfGaussian,
            "wavelet" => ImageFilterKind.Wavelet,
            "square" => ImageFilterKind.Square,
            "square_root" => ImageFilterKind.SquareRoot,
            "logarithm" => ImageFilterKind.Logarithm,
            "exponential" => ImageFilterKind.Exponential,
            "gradient" => ImageFilterKind.Gradient,
            var other => Fail<ImageFilterKind>(source, key + ".type",
                $"unknown image type '{other}' (expected original, log, wavelet, square, square_root, logarithm, exponential or gradient)"),
        };
        var sigmas = d.SigmasMm ?? [];
        if (kind == ImageFilterKind.LaplacianOfGaussian && (sigmas.Count == 0 || sigmas.Any(s => !(s > 0))))
        {
            Fail(source, key + ".sigmas_mm", "log needs one or more positive σ values in mm");
        }

        var wavelets = d.Wavelets ?? [];
        if (kind == ImageFilterKind.Wavelet)
        {
            if (wavelets.Count == 0)
            {
                Fail(source, key + ".wavelets", "wavelet needs one or more of haar, coif1");
            }

            foreach (var w in wavelets.Where(w => w is not ("haar" or "coif1")))
            {
                Fail(source, key + ".wavelets", $"unknown wavelet '{w}' (expected haar or coif1)");
            }
        }

        return new ImageTypeSettings(kind, sigmas, wavelets);
    }

    private static void Fail(string source, string key, string problem) =>
        throw new RadiomicsSettingsException($"{source}: '{key}' {problem}.");

    private static T Fail<T>(string source, string key, string problem) =>
        throw new RadiomicsSettingsException($"{source}: '{key}' {problem}.");
}
