using System.Globalization;
using OlnmMl.Radiomics.Extraction;

namespace OlnmMl.Radiomics.Tests.Extraction;

/// <summary>The whole pipeline (NIfTI → preset → every family) on the digital phantom against IBSI's texture rows too.</summary>
public sealed class PresetExtractionTests
{
    private static readonly Lazy<FeatureSet> Phantom = new(() =>
        new RadiomicsExtractor(TestData.LoadPreset("ibsi-digital-phantom")).Extract(TestData.PhantomImage, TestData.PhantomMask));

    [Fact]
    public void Every_texture_reference_row_matches_through_the_extractor()
    {
        // Texture rows carry an aggregation code; each must match the extracted feature with the same
        // IBSI feature and aggregation identifiers within IBSI's tolerance (3 significant digits where none).
        var byCode = Phantom.Value.Features.Where(f => f.IbsiAggregation.Length > 0)
            .GroupBy(f => (f.IbsiFeature, f.IbsiAggregation)).ToDictionary(g => g.Key, g => g.ToArray());
        var lines = File.ReadAllLines(TestData.DigitalPhantomReferenceValues);
        var failures = new List<string>();
        var checkedRows = 0;
        foreach (var f in lines.Skip(1).Select(l => l.Split(',')).Where(f => f[3].Length > 0))
        {
            var reference = double.Parse(f[5], CultureInfo.InvariantCulture);
            var tolerance = double.Parse(f[6], CultureInfo.InvariantCulture);
            var allowed = tolerance > 0 ? tolerance : reference == 0 ? 1e-9 : 0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(reference))) - 2);
            checkedRows++;
            var aggregation = f[3] switch { "2D" => "8QNN", "2.5D" => "62GR", "3D" => "KOBO", var code => code }; // zone families are labelled by dimension
            if (!byCode.TryGetValue((f[2], aggregation), out var candidates) || !candidates.Any(c => Math.Abs(c.Value - reference) <= allowed * (1 + 1e-9)))
            {
                failures.Add($"{f[0]} / {f[1]} ({f[2]}, {f[3]}): expected {reference}, got {string.Join(", ", candidates?.Select(c => c.Value) ?? [])}");
            }
        }

        Assert.Equal(408, checkedRows);
        Assert.True(failures.Count == 0, string.Join("\n", failures));
    }

    [Fact]
    public void Feature_names_follow_the_image_family_feature_aggregation_pattern()
    {
        var names = Phantom.Value.Features.Select(f => f.Name).ToHashSet();
        Assert.Contains("original_glcm_joint_max_3d_avg", names);
        Assert.Contains("original_glszm_sze_3d", names);
        Assert.Contains("original_morph_volume", names);
        Assert.Equal(names.Count, Phantom.Value.Features.Count); // unique
    }

    [Fact]
    public void Every_preset_loads_and_names_its_features()
    {
        foreach (var preset in new[] { "ibsi-digital-phantom", "ibsi-ct-a", "ibsi-ct-b", "ibsi-ct-c", "ibsi-ct-d", "ibsi-ct-e" })
        {
            var extractor = new RadiomicsExtractor(TestData.LoadPreset(preset));
            Assert.True(extractor.FeatureNames.Count > 200, preset);
            Assert.Equal(extractor.FeatureNames.Count, extractor.FeatureNames.Distinct().Count());
        }
    }
}
