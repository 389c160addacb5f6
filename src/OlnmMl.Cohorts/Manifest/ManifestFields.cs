using System.Globalization;

namespace OlnmMl.Cohorts.Manifest;

/// <summary>
/// Text ⇄ value conversions shared by the CSV and JSON manifests. Each parser returns null for an empty
/// value and throws <see cref="FormatException"/> with the accepted spellings for anything else it does not know.
/// </summary>
public static class ManifestFields
{
    /// <summary>Column names of the well-known scalar fields, in CSV order (image and target columns are described by <see cref="ImageKey"/> and <see cref="TargetName"/>).</summary>
    public static IReadOnlyList<string> Known { get; } =
    [
        "id", "centre", "cohort", "time", "event",
        "age", "sex", "max_diameter_cm", "density", "location", "contrast_enhanced",
    ];

    /// <summary>Prefix of a named image column: <c>image_&lt;key&gt;</c>.</summary>
    public const string ImagePrefix = "image_";

    /// <summary>Prefix of a further target column: <c>label_&lt;name&gt;</c>.</summary>
    public const string TargetPrefix = "label_";

    /// <summary>
    /// The image key a column holds, or null when it is no image column: <c>image</c> → ct, <c>mask</c> → mask,
    /// <c>pet</c> → pet (the names manifests used before named images), <c>image_&lt;key&gt;</c> → key.
    /// </summary>
    public static string? ImageKey(string column) => column switch
    {
        "image" => ImageKeys.Ct,
        "mask" => ImageKeys.Mask,
        "pet" => ImageKeys.Pet,
        _ when column.StartsWith(ImagePrefix, StringComparison.Ordinal) && column.Length > ImagePrefix.Length => column[ImagePrefix.Length..],
        _ => null,
    };

    /// <summary>The column of image <paramref name="key"/> as written: <c>image</c> and <c>mask</c> for CT and mask, else <c>image_&lt;key&gt;</c>.</summary>
    public static string ImageColumn(string key) => key switch
    {
        ImageKeys.Ct => "image",
        ImageKeys.Mask => "mask",
        _ => ImagePrefix + key,
    };

    /// <summary>The target a column holds, or null: <c>label</c> → label (the default target), <c>label_&lt;name&gt;</c> → name.</summary>
    public static string? TargetName(string column) => column switch
    {
        "label" => Targets.Default,
        _ when column.StartsWith(TargetPrefix, StringComparison.Ordinal) && column.Length > TargetPrefix.Length => column[TargetPrefix.Length..],
        _ => null,
    };

    /// <summary>The column of target <paramref name="name"/>: <c>label</c> for the default target, else <c>label_&lt;name&gt;</c>.</summary>
    public static string TargetColumn(string name) => name == Targets.Default ? "label" : TargetPrefix + name;

    /// <summary>True when <paramref name="column"/> is a well-known, image or target column (not a clinical extra).</summary>
    public static bool IsStructural(string column) => Known.Contains(column) || ImageKey(column) is not null || TargetName(column) is not null;

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
