using System.Reflection;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using OlnmMl.Radiomics.Features;
using OlnmMl.Radiomics.Texture;

namespace OlnmMl.Radiomics.Tests.Texture;

/// <summary>
/// Structural checks of the texture families: every feature method carries an IBSI code, a
/// snake_case name and an XML doc stating its formula, and every code has a reference value.
/// </summary>
public sealed partial class TextureMetadataTests
{
    private static readonly XDocument Docs = XDocument.Load(Path.ChangeExtension(typeof(Glcm).Assembly.Location, ".xml"));

    public static TheoryData<string> FeatureMethods()
    {
        var data = new TheoryData<string>();
        foreach (var method in PhantomTextureFamilies.Types.SelectMany(FormulaMethods))
        {
            data.Add($"{method.DeclaringType!.Name}.{method.Name}");
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(FeatureMethods))]
    public void Feature_has_an_IBSI_code_a_name_and_a_documented_formula(string qualifiedName)
    {
        var method = Method(qualifiedName);
        var tag = method.GetCustomAttribute<IbsiFeatureAttribute>();
        Assert.True(tag is not null, $"{qualifiedName} computes a feature but has no [IbsiFeature].");
        Assert.Matches(IbsiCode(), tag.Code);
        Assert.Matches(SnakeCase(), tag.Name);

        var id = $"M:{method.DeclaringType!.FullName}.{method.Name}({method.GetParameters()[0].ParameterType.FullName})";
        var summary = Docs.Descendants("member").SingleOrDefault(m => (string?)m.Attribute("name") == id)?.Element("summary");
        Assert.True(summary is not null, $"{qualifiedName} has no XML doc summary ({id}).");
        Assert.Contains("F =", summary.Value, StringComparison.Ordinal);
    }

    [Fact]
    public void Codes_are_unique_across_families_and_names_within_a_family()
    {
        var tags = PhantomTextureFamilies.Types
            .SelectMany(t => FormulaMethods(t).Select(m => (Family: t.Name, Tag: m.GetCustomAttribute<IbsiFeatureAttribute>()!)))
            .ToArray();
        Assert.Equal(tags.Length, tags.Select(t => t.Tag.Code).Distinct().Count());
        Assert.Equal(tags.Length, tags.Select(t => (t.Family, t.Tag.Name)).Distinct().Count());
    }

    [Fact]
    public void Every_feature_code_has_a_digital_phantom_reference_value()
    {
        var referenced = IbsiDigitalPhantom.ReferenceRows.Select(r => r.Code).ToHashSet();
        var missing = PhantomTextureFamilies.Types
            .SelectMany(FormulaMethods)
            .Select(m => m.GetCustomAttribute<IbsiFeatureAttribute>()!.Code)
            .Where(code => !referenced.Contains(code))
            .ToArray();
        Assert.Empty(missing);
    }

    [Fact]
    public void Each_family_emits_every_feature_once_per_requested_aggregation()
    {
        // IBSI counts: GLCM 25, GLRLM 16, GLSZM 16, GLDZM 16, NGTDM 5, NGLDM 17 features.
        var roi = IbsiDigitalPhantom.Roi;
        Assert.Equal(25 * 6, Glcm.Compute(roi).Count);
        Assert.Equal(16 * 6, Glrlm.Compute(roi).Count);
        Assert.Equal(16 * 3, Glszm.Compute(roi).Count);
        Assert.Equal(16 * 3, Gldzm.Compute(roi).Count);
        Assert.Equal(5 * 3, Ngtdm.Compute(roi).Count);
        Assert.Equal(17 * 3, Ngldm.Compute(roi).Count);

        var two = Glcm.Compute(roi, new GlcmSettings { Aggregations = [DirectionalAggregation.Merged3D, DirectionalAggregation.Averaged2D] });
        Assert.Equal(["IAZD", "BTW3"], two.Select(f => f.IbsiAggregation).Distinct());
    }

    /// <summary>Public static methods that map a texture matrix to a double: the feature formulas.</summary>
    private static IEnumerable<MethodInfo> FormulaMethods(Type family) =>
        family.GetMethods(BindingFlags.Public | BindingFlags.Static)
            .Where(m => m.ReturnType == typeof(double) && m.GetParameters().Length == 1)
            .Where(m => m.GetParameters()[0].ParameterType is var p && (p == typeof(GlcmMatrix) || p == typeof(GreyLevelCountMatrix) || p == typeof(NgtdmMatrix)))
            .OrderBy(m => m.MetadataToken);

    private static MethodInfo Method(string qualifiedName)
    {
        var parts = qualifiedName.Split('.');
        return PhantomTextureFamilies.Types.Single(t => t.Name == parts[0]).GetMethods().Single(m => m.Name == parts[1]);
    }

    [GeneratedRegex("^[0-9A-Z]{4}$")]
    private static partial Regex IbsiCode();

    [GeneratedRegex("^[a-z][a-z0-9]*(_[a-z0-9]+)*$")]
    private static partial Regex SnakeCase();
}
