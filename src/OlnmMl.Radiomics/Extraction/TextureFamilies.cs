using OlnmMl.Radiomics.Settings;
using OlnmMl.Radiomics.Texture;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>Runs the texture families of <see cref="OlnmMl.Radiomics.Texture"/> with a recipe's distance and aggregations.</summary>
public static class TextureFamilies
{
    /// <summary>The features of texture family <paramref name="family"/> ("glcm", "glrlm", …) on <paramref name="roi"/>.</summary>
    public static IReadOnlyList<FeatureValue> Compute(string family, DiscretisedRoi roi, RadiomicsSettings settings)
    {
        var directional = settings.Aggregations.Select(a => (DirectionalAggregation)IndexOf(a)).ToArray();
        var zones = ZoneAggregations(settings);
        var distance = settings.TextureDistance;
        return family switch
        {
            "glcm" => Glcm.Compute(roi, new GlcmSettings { Aggregations = directional, Distance = distance }),
            "glrlm" => Glrlm.Compute(roi, new GlrlmSettings { Aggregations = directional }),
            "glszm" => Glszm.Compute(roi, new GlszmSettings { Aggregations = zones }),
            "gldzm" => Gldzm.Compute(roi, new GldzmSettings { Aggregations = zones }),
            "ngtdm" => Ngtdm.Compute(roi, new NgtdmSettings { Aggregations = zones, Distance = distance }),
            "ngldm" => Ngldm.Compute(roi, new NgldmSettings { Aggregations = zones, Distance = distance }),
            _ => throw new ArgumentException($"Texture family '{family}' is unknown (expected one of glcm, glrlm, glszm, gldzm, ngtdm, ngldm).", nameof(family)),
        };
    }

    /// <summary>The zone aggregations (2D, 2.5D, 3D) named by the recipe's directional suffixes.</summary>
    public static IReadOnlyList<ZoneAggregation> ZoneAggregations(RadiomicsSettings settings) =>
        settings.Aggregations
            .Select(a => a.StartsWith("2d", StringComparison.Ordinal) ? ZoneAggregation.Averaged2D
                : a.StartsWith("2_5d", StringComparison.Ordinal) ? ZoneAggregation.Merged25D
                : ZoneAggregation.Volume3D)
            .Distinct()
            .Order()
            .ToArray();

    private static int IndexOf(string suffix) => TextureAggregationNames.All.ToList().IndexOf(suffix);
}
