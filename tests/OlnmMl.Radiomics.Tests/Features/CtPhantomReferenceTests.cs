using System.Globalization;

namespace OlnmMl.Radiomics.Tests.Features;

/// <summary>
/// The IBSI CT radiomics phantom through <c>olnm radiomics extract</c> with the ibsi-ct-a … ibsi-ct-e presets
/// against IBSI's published reference values for the non-texture families
/// (tests/…/Data/ibsi_ct_phantom_reference.csv). Skipped, saying where to get it, without the phantom
/// (<see cref="CtPhantom"/>).
/// </summary>
public sealed class CtPhantomReferenceTests
{
    private static IEnumerable<(string Feature, string Config, double Value, double Tolerance)> Rows() =>
        File.ReadAllLines(Path.Combine(TestData.RepositoryRoot, "tests", "OlnmMl.Radiomics.Tests", "Data", "ibsi_ct_phantom_reference.csv"))
            .Skip(1)
            .Select(l => l.Split(','))
            .Select(f => (f[0], f[1], double.Parse(f[2], CultureInfo.InvariantCulture), double.Parse(f[3], CultureInfo.InvariantCulture)));

    [SkippableTheory]
    // Present agreement (rows within tolerance): A 50/50, B 51/51, C 50/50, D 50/50, E 51/51, with the
    // Lorensen–Cline case table (before it, with ambiguous faces always joining the inside corners:
    // A 47, B 46, C 46, D 46, E 47; the misses were mesh-driven compactness/sphericity/asphericity and the
    // convex-hull volume density).
    [InlineData("A", 1.0)]
    [InlineData("B", 1.0)]
    [InlineData("C", 1.0)]
    [InlineData("D", 1.0)]
    [InlineData("E", 1.0)]
    public void Configuration_matches_ibsi_reference_values(string config, double requiredFraction)
    {
        var values = CtPhantom.Extraction(config).Features.ToDictionary(f => f.Name, f => f.Value);
        var rows = Rows().Where(r => r.Config == config).ToList();
        var failures = new List<string>();
        foreach (var (feature, _, reference, tolerance) in rows)
        {
            var actual = values["original_" + feature];
            var allowed = tolerance > 0 ? tolerance : 0.5 * Math.Pow(10, Math.Floor(Math.Log10(Math.Abs(reference))) - 2);
            if (!(Math.Abs(actual - reference) <= allowed * (1 + 1e-9)))
            {
                failures.Add($"{feature}: expected {reference} ± {allowed}, got {actual}");
            }
        }

        Console.WriteLine($"IBSI CT configuration {config}: {rows.Count - failures.Count} of {rows.Count} rows within tolerance" + string.Concat(failures.Select(f => "\n  " + f)));
        Assert.True(rows.Count > 40, $"only {rows.Count} reference rows for configuration {config}");
        Assert.True(failures.Count <= (1 - requiredFraction) * rows.Count, $"{failures.Count} of {rows.Count} rows differ:\n{string.Join("\n", failures)}");
    }
}
