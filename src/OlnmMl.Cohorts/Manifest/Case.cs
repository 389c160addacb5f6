namespace OlnmMl.Cohorts.Manifest;

/// <summary>
/// One patient of a manifest: named images, binary targets, optional follow-up and clinical variables.
/// Paths are absolute (readers resolve them against the manifest's folder).
/// </summary>
/// <param name="Id">Unique case identifier.</param>
/// <param name="Centre">Hospital / scanner site.</param>
/// <param name="Role">Cohort the case belongs to.</param>
/// <param name="Images">
/// Image key → volume path (.nii, .nii.gz, .nrrd). <see cref="ImageKeys.Ct"/> (the reference grid) and
/// <see cref="ImageKeys.Mask"/> (on the CT grid) are required; further keys such as <see cref="ImageKeys.Pet"/> or
/// <c>ct_arterial</c> may be on any grid that overlaps the CT (a recipe resamples them onto it).
/// </param>
/// <param name="Targets">
/// Target name → 0/1. <see cref="Targets.Default"/> (the manifest's <c>label</c>: occult nodal metastasis, pN+) is
/// required; further targets (<c>n1</c>, <c>n2</c>, …) come from <c>label_&lt;name&gt;</c> columns.
/// </param>
/// <param name="FollowUp">Time to event or censoring, when the manifest has <c>time</c>/<c>event</c>.</param>
/// <param name="Clinical">Clinical variables.</param>
public sealed record Case(
    string Id,
    string Centre,
    CohortRole Role,
    IReadOnlyDictionary<string, string> Images,
    IReadOnlyDictionary<string, int> Targets,
    FollowUp? FollowUp,
    ClinicalVariables Clinical)
{
    /// <summary>The default target: 1 = pN+, 0 = pN−.</summary>
    public int Label => Targets[Manifest.Targets.Default];

    /// <summary>The CT volume (the reference grid).</summary>
    public string ImagePath => Images[ImageKeys.Ct];

    /// <summary>The tumour mask, on the CT grid.</summary>
    public string MaskPath => Images[ImageKeys.Mask];

    /// <summary>The image of key <paramref name="key"/>, or null when the case has none.</summary>
    public string? Image(string key) => Images.GetValueOrDefault(key);

    /// <summary>The value of target <paramref name="name"/>, or null when the case has none.</summary>
    public int? Target(string name) => Targets.TryGetValue(name, out var value) ? value : null;

    /// <summary>A case with the default target only, a CT and a mask (and any further images).</summary>
    public static Case Create(
        string id, string centre, CohortRole role, int label, string ctPath, string maskPath, ClinicalVariables? clinical = null,
        IReadOnlyDictionary<string, string>? moreImages = null, IReadOnlyDictionary<string, int>? moreTargets = null, FollowUp? followUp = null)
    {
        var images = new SortedDictionary<string, string>(StringComparer.Ordinal) { [ImageKeys.Ct] = ctPath, [ImageKeys.Mask] = maskPath };
        foreach (var (key, path) in moreImages ?? new Dictionary<string, string>())
        {
            images[key] = path;
        }

        var targets = new SortedDictionary<string, int>(StringComparer.Ordinal) { [Manifest.Targets.Default] = label };
        foreach (var (name, value) in moreTargets ?? new Dictionary<string, int>())
        {
            targets[name] = value;
        }

        return new Case(id, centre, role, images, targets, followUp, clinical ?? ClinicalVariables.None);
    }

    /// <summary>This case with image <paramref name="key"/> set to <paramref name="path"/> (null removes it).</summary>
    public Case WithImage(string key, string? path)
    {
        var images = new SortedDictionary<string, string>(Images.ToDictionary(), StringComparer.Ordinal);
        if (path is null)
        {
            images.Remove(key);
        }
        else
        {
            images[key] = path;
        }

        return this with { Images = images };
    }

    /// <summary>This case with target <paramref name="name"/> set to <paramref name="value"/> (null removes it).</summary>
    public Case WithTarget(string name, int? value)
    {
        var targets = new SortedDictionary<string, int>(Targets.ToDictionary(), StringComparer.Ordinal);
        if (value is null)
        {
            targets.Remove(name);
        }
        else
        {
            targets[name] = value.Value;
        }

        return this with { Targets = targets };
    }

    /// <inheritdoc />
    public bool Equals(Case? other) =>
        other is not null && Id == other.Id && Centre == other.Centre && Role == other.Role
        && SameEntries(Images, other.Images) && SameEntries(Targets, other.Targets)
        && FollowUp == other.FollowUp && Clinical.Equals(other.Clinical);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Id, Centre, Role, Images.Count, Targets.Count, FollowUp);

    private static bool SameEntries<T>(IReadOnlyDictionary<string, T> a, IReadOnlyDictionary<string, T> b) =>
        a.Count == b.Count && a.All(pair => b.TryGetValue(pair.Key, out var value) && EqualityComparer<T>.Default.Equals(value, pair.Value));
}

/// <summary>Follow-up of a case: time to the event or to censoring, and whether the event (e.g. recurrence) was observed.</summary>
/// <param name="Time">Time (in the manifest's unit, e.g. months), ≥ 0.</param>
/// <param name="Event">True when the event was observed at <paramref name="Time"/>; false when censored.</param>
public sealed record FollowUp(double Time, bool Event);

/// <summary>The well-known image keys of a case.</summary>
public static class ImageKeys
{
    /// <summary>CT (manifest column <c>image</c> or <c>image_ct</c>): the reference grid.</summary>
    public const string Ct = "ct";

    /// <summary>Tumour mask (column <c>mask</c> or <c>image_mask</c>), on the CT grid.</summary>
    public const string Mask = "mask";

    /// <summary>PET in SUV (column <c>pet</c> or <c>image_pet</c>), on any grid overlapping the CT.</summary>
    public const string Pet = "pet";
}

/// <summary>The well-known target names of a case.</summary>
public static class Targets
{
    /// <summary>The manifest's <c>label</c> column: occult nodal metastasis (pN+).</summary>
    public const string Default = "label";
}
