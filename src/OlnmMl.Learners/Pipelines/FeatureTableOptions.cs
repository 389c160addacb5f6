using System.Text.RegularExpressions;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// How a feature table such as PyRadiomics batch output is read: its id, label and cohort columns (never features)
/// and which of the other columns are features. A column is a feature when it is numeric (every cell a number, empty,
/// NaN or ±∞, at least one finite), matches an <see cref="Include"/> pattern (when any is given) and no
/// <see cref="Exclude"/> pattern; <see cref="DefaultExcluded"/> columns are left out unless an include pattern names them.
/// </summary>
public sealed record FeatureTableOptions
{
    /// <summary>
    /// Left out unless an include pattern names them: PyRadiomics' <c>diagnostics_*</c> (versions, settings, image
    /// hashes, voxel counts) and its batch input columns <c>Image</c>, <c>Mask</c> and <c>Label</c> (the mask value).
    /// </summary>
    public static IReadOnlyList<string> DefaultExcluded { get; } = ["diagnostics_*", "Image", "Mask", "Label"];

    /// <summary>Case id column (empty: the first column).</summary>
    public string IdColumn { get; init; } = "id";

    /// <summary>Label column (0/1 or true/false), or null for a table to score.</summary>
    public string? LabelColumn { get; init; }

    /// <summary>Cohort column: never a feature, carried to the scores when present.</summary>
    public string CohortColumn { get; init; } = "cohort";

    /// <summary>Glob patterns (<c>*</c>, <c>?</c>; case-sensitive) of the columns that may be features; empty: every column.</summary>
    public IReadOnlyList<string> Include { get; init; } = [];

    /// <summary>Glob patterns of columns that are never features.</summary>
    public IReadOnlyList<string> Exclude { get; init; } = [];

    /// <summary>Why column <paramref name="name"/> is not a candidate feature (before the numeric test), or null when it is one.</summary>
    internal string? ReasonLeftOut(string name)
    {
        if (name == IdColumn || name == LabelColumn || name == CohortColumn) return "id/label/cohort";
        if (Exclude.FirstOrDefault(p => Matches(p, name)) is { } excluded) return "--exclude " + excluded;
        var included = Include.Any(p => Matches(p, name));
        if (Include.Count > 0 && !included) return "not in --include";
        return !included && DefaultExcluded.FirstOrDefault(p => Matches(p, name)) is { } byDefault ? byDefault : null;
    }

    /// <summary>Whether <paramref name="name"/> matches the glob <paramref name="pattern"/> (<c>*</c> any run, <c>?</c> one character).</summary>
    public static bool Matches(string pattern, string name) =>
        Regex.IsMatch(name, "^" + Regex.Escape(pattern).Replace(@"\*", ".*", StringComparison.Ordinal).Replace(@"\?", ".", StringComparison.Ordinal) + "$", RegexOptions.Singleline);
}
