using System.Globalization;

namespace OlnmMl.Cohorts.Manifest;

/// <summary>
/// Text ⇄ value conversions shared by the CSV and JSON manifests. Each parser returns null for an empty
/// value and throws <see cref="FormatException"/> with the accepted spellings for anything else it does not know.
/// </summary>
public static class ManifestFields
{
    /// <summary>Column names of the well-known fields, in CSV order.</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "id", "centre", "cohort", "label", "label_n2", "image", "mask", "pet",
        "age", "sex", "max_diameter_cm", "density", "location", "contrast_enhanced",
    ];

    /// <summary>0 or 1 (also "pN+"/"pN-", "true"/"false", "yes"/"no").</summary>
    public static int? ParseLabel(string? text) => Normalise(text) switch
    {
        null => null,
        "1" or "1.0" or "pn+" or "true" or "yes" or "positive" => 1,
        "0" or "0.0" or "pn-" or "false" or "no" or "negative" => 0,
        var other => throw new FormatException($"label '{other}' is not 0/1 (or pN+/pN-)"),
    };

    /// <summary>A finite invariant-culture number.</summary>
    public static double? ParseNumber(string? text)
    {
        var value = Normalise(text);
        if (value is null || value is "na" or "nan")
        {
            return null;
        }

        return double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var number) && double.IsFinite(number)
            ? number
            : throw new FormatException($"'{value}' is not a number");
    }

    /// <summary>M/male or F/female.</summary>
    public static Sex? ParseSex(string? text) => Normalise(text) switch
    {
        null => null,
        "m" or "male" or "1" => Sex.Male,
        "f" or "female" or "0" => Sex.Female,
        var other => throw new FormatException($"sex '{other}' is not M/F"),
    };

    /// <summary>solid or part-solid (also part_solid, partsolid, subsolid).</summary>
    public static Density? ParseDensity(string? text) => Normalise(text) switch
    {
        null => null,
        "solid" or "pure solid" or "pure-solid" => Density.Solid,
        "part-solid" or "part_solid" or "partsolid" or "part solid" or "subsolid" => Density.PartSolid,
        var other => throw new FormatException($"density '{other}' is not solid/part-solid"),
    };

    /// <summary>inner, middle or outer (also central/peripheral for inner/outer).</summary>
    public static NoduleLocation? ParseLocation(string? text) => Normalise(text) switch
    {
        null => null,
        "inner" or "central" => NoduleLocation.Inner,
        "middle" => NoduleLocation.Middle,
        "outer" or "peripheral" => NoduleLocation.Outer,
        var other => throw new FormatException($"location '{other}' is not inner/middle/outer"),
    };

    /// <summary>true/false, yes/no, 1/0.</summary>
    public static bool? ParseFlag(string? text) => Normalise(text) switch
    {
        null => null,
        "1" or "true" or "yes" or "y" => true,
        "0" or "false" or "no" or "n" => false,
        var other => throw new FormatException($"'{other}' is not true/false"),
    };

    /// <summary>Canonical text of a number ("R" round-trip, invariant culture), or empty for null.</summary>
    public static string Format(double? value) => value?.ToString("R", CultureInfo.InvariantCulture) ?? string.Empty;

    /// <summary>Canonical text: M/F.</summary>
    public static string Format(Sex? value) => value switch { Sex.Male => "M", Sex.Female => "F", _ => string.Empty };

    /// <summary>Canonical text: solid/part-solid.</summary>
    public static string Format(Density? value) => value switch { Density.Solid => "solid", Density.PartSolid => "part-solid", _ => string.Empty };

    /// <summary>Canonical text: inner/middle/outer.</summary>
    public static string Format(NoduleLocation? value) => value?.ToString().ToLowerInvariant() ?? string.Empty;

    /// <summary>Canonical text: 1/0.</summary>
    public static string Format(bool? value) => value switch { true => "1", false => "0", _ => string.Empty };

    /// <summary>Path of <paramref name="path"/> relative to <paramref name="folder"/>, with forward slashes.</summary>
    public static string Relative(string folder, string path) => Path.GetRelativePath(folder, path).Replace('\\', '/');

    /// <summary>Resolves a manifest path against the manifest's folder (absolute paths are kept).</summary>
    public static string Resolve(string folder, string path) => Path.GetFullPath(Path.Combine(folder, path));

    private static string? Normalise(string? text)
    {
        var value = text?.Trim().ToLowerInvariant();
        return string.IsNullOrEmpty(value) ? null : value;
    }
}
