using System.Reflection;
using System.Xml.Linq;
using OlnmMl.Radiomics.Features;

namespace OlnmMl.Radiomics.Tests.Features;

/// <summary>Every non-texture feature has an IBSI identifier, a unique name, and an XML doc that states its formula.</summary>
public sealed class FeatureMetadataTests
{
    private static readonly Lazy<Dictionary<string, string>> Docs = new(() =>
    {
        var assembly = typeof(FeatureRegistry).Assembly;
        var path = Path.ChangeExtension(assembly.Location, ".xml");
        return XDocument.Load(path).Descendants("member")
            .ToDictionary(m => (string)m.Attribute("name")!, m => m.Element("summary")?.Value.Trim() ?? "");
    });

    public static TheoryData<string, string> Features()
    {
        var data = new TheoryData<string, string>();
        foreach (var (family, definition, _) in FeatureRegistry.Families)
        {
            foreach (var method in definition.GetMethods(BindingFlags.Public | BindingFlags.Static)
                         .Where(m => m.GetCustomAttribute<IbsiFeatureAttribute>() is not null))
            {
                data.Add(family, method.Name);
            }
        }

        return data;
    }

    [Fact]
    public void Registry_holds_the_five_families_with_their_ibsi_feature_counts()
    {
        // IBSI 1 lists 29 morphological, 2 local intensity,
        // 18 statistical, 23 histogram and 7 IVH features (V10, V90, I10, I90, V10−V90, I10−I90, AUC).
        var counts = FeatureRegistry.Families.ToDictionary(f => f.Family, f => f.Features.Count);
        Assert.Equal(new Dictionary<string, int> { ["morph"] = 29, ["loc"] = 2, ["stat"] = 18, ["ih"] = 23, ["ivh"] = 7 }, counts);
    }

    [Theory]
    [MemberData(nameof(Features))]
    public void Feature_has_ibsi_code_and_formula_doc(string family, string methodName)
    {
        var definition = FeatureRegistry.Families.Single(f => f.Family == family).Definition;
        var method = definition.GetMethod(methodName)!;
        var tag = method.GetCustomAttribute<IbsiFeatureAttribute>()!;
        Assert.Matches("^[0-9A-Z]{4}$", tag.Code);
        Assert.Matches("^[a-z0-9_]+$", tag.Name);
        var key = $"M:{definition.FullName}.{method.Name}({method.GetParameters()[0].ParameterType.FullName})";
        Assert.True(Docs.Value.TryGetValue(key, out var doc) && doc.Length > 10, $"{key} has no XML doc");
    }

    [Fact]
    public void Feature_names_are_unique_within_each_family()
    {
        foreach (var (family, _, features) in FeatureRegistry.Families)
        {
            Assert.Equal(features.Count, features.Select(f => f.Name).Distinct().Count());
        }
    }
}
