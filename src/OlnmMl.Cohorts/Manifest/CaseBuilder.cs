namespace OlnmMl.Cohorts.Manifest;

/// <summary>Builds a <see cref="Case"/> from named text fields (a CSV row or a datalist entry).</summary>
internal static class CaseBuilder
{
    /// <summary>
    /// Builds the case; <paramref name="defaultRole"/> applies when there is no <c>cohort</c> field and
    /// <paramref name="defaultId"/> when there is no <c>id</c>. Every failure names the file, the location and the field.
    /// </summary>
    public static Case Build(
        string manifestPath, string location, IReadOnlyDictionary<string, string> fields, CohortRole? defaultRole, string? defaultId)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(manifestPath))!;
        string? Get(string name) => fields.TryGetValue(name, out var value) && value.Trim().Length > 0 ? value.Trim() : null;
        string Required(string name) => Get(name) ?? throw new ManifestFormatException(manifestPath, location, $"'{name}' is missing or empty");
        T Field<T>(string name, Func<string?, T> parse)
        {
            try
            {
                return parse(Get(name));
            }
            catch (FormatException e)
            {
                throw new ManifestFormatException(manifestPath, location, $"column '{name}': {e.Message}", e);
            }
        }

        var id = Get("id") ?? defaultId ?? throw new ManifestFormatException(manifestPath, location, "'id' is missing or empty");
        var cohortText = Get("cohort");
        CohortRole role;
        if (cohortText is null)
        {
            role = defaultRole ?? throw new ManifestFormatException(manifestPath, location, $"case '{id}': 'cohort' is missing or empty");
        }
        else if (!CohortRole.TryParse(cohortText, out role))
        {
            throw new ManifestFormatException(
                manifestPath, location, $"case '{id}': unknown cohort '{cohortText}' (expected train, validation, test or test-<name>)");
        }

        var label = Field("label", ManifestFields.ParseLabel)
            ?? throw new ManifestFormatException(manifestPath, location, $"case '{id}': 'label' is missing or empty");
        var extra = fields
            .Where(pair => !ManifestFields.Known.Contains(pair.Key) && pair.Value.Length > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        var clinical = new ClinicalVariables(
            Field("age", ManifestFields.ParseNumber),
            Field("sex", ManifestFields.ParseSex),
            Field("max_diameter_cm", ManifestFields.ParseNumber),
            Field("density", ManifestFields.ParseDensity),
            Field("location", ManifestFields.ParseLocation),
            Field("contrast_enhanced", ManifestFields.ParseFlag),
            extra);
        var pet = Get("pet");
        return new Case(
            id,
            Get("centre") ?? "unknown",
            role,
            label,
            Field("label_n2", ManifestFields.ParseLabel),
            ManifestFields.Resolve(folder, Required("image")),
            ManifestFields.Resolve(folder, Required("mask")),
            pet is null ? null : ManifestFields.Resolve(folder, pet),
            clinical);
    }

    /// <summary>The case as named text fields, paths relative to <paramref name="folder"/>; inverse of <see cref="Build"/>.</summary>
    public static List<KeyValuePair<string, string>> ToFields(Case c, string folder)
    {
        var fields = new List<KeyValuePair<string, string>>
        {
            new("id", c.Id),
            new("centre", c.Centre),
            new("cohort", c.Role.ToString()),
            new("label", c.Label.ToString(System.Globalization.CultureInfo.InvariantCulture)),
            new("label_n2", c.LabelN2?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty),
            new("image", ManifestFields.Relative(folder, c.ImagePath)),
            new("mask", ManifestFields.Relative(folder, c.MaskPath)),
            new("pet", c.PetPath is null ? string.Empty : ManifestFields.Relative(folder, c.PetPath)),
            new("age", ManifestFields.Format(c.Clinical.Age)),
            new("sex", ManifestFields.Format(c.Clinical.Sex)),
            new("max_diameter_cm", ManifestFields.Format(c.Clinical.MaxDiameterCm)),
            new("density", ManifestFields.Format(c.Clinical.Density)),
            new("location", ManifestFields.Format(c.Clinical.Location)),
            new("contrast_enhanced", ManifestFields.Format(c.Clinical.ContrastEnhanced)),
        };
        fields.AddRange(c.Clinical.Extra.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        return fields;
    }
}
