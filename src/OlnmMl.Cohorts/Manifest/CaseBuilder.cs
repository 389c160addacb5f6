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

        var targets = new SortedDictionary<string, int>(StringComparer.Ordinal);
        var images = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var (column, _) in fields)
        {
            if (ManifestFields.TargetName(column) is { } target && Field(column, ManifestFields.ParseLabel) is { } value)
            {
                targets[target] = value;
            }
            else if (ManifestFields.ImageKey(column) is { } key && Get(column) is { } path)
            {
                if (images.ContainsKey(key))
                {
                    throw new ManifestFormatException(manifestPath, location, $"case '{id}': image '{key}' is given twice (columns '{ManifestFields.ImageColumn(key)}' and '{column}')");
                }

                images[key] = ManifestFields.Resolve(folder, path);
            }
        }

        if (!targets.ContainsKey(Targets.Default))
        {
            throw new ManifestFormatException(manifestPath, location, $"case '{id}': 'label' is missing or empty");
        }

        foreach (var key in new[] { ImageKeys.Ct, ImageKeys.Mask })
        {
            if (!images.ContainsKey(key))
            {
                throw new ManifestFormatException(manifestPath, location, $"case '{id}': '{ManifestFields.ImageColumn(key)}' is missing or empty");
            }
        }

        var time = Field("time", ManifestFields.ParseNumber);
        var observed = Field("event", ManifestFields.ParseFlag);
        if ((time is null) != (observed is null))
        {
            throw new ManifestFormatException(manifestPath, location, $"case '{id}': follow-up needs both 'time' and 'event' (one of them is empty)");
        }

        if (time < 0)
        {
            throw new ManifestFormatException(manifestPath, location, $"case '{id}': follow-up time {time} is negative");
        }

        var extra = fields
            .Where(pair => !ManifestFields.IsStructural(pair.Key) && pair.Value.Length > 0)
            .ToDictionary(pair => pair.Key, pair => pair.Value);
        var clinical = new ClinicalVariables(
            Field("age", ManifestFields.ParseNumber),
            Field("sex", ManifestFields.ParseSex),
            Field("max_diameter_cm", ManifestFields.ParseNumber),
            Field("density", ManifestFields.ParseDensity),
            Field("location", ManifestFields.ParseLocation),
            Field("contrast_enhanced", ManifestFields.ParseFlag),
            extra);
        return new Case(
            id,
            Get("centre") ?? "unknown",
            role,
            images,
            targets,
            time is { } t ? new FollowUp(t, observed!.Value) : null,
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
        };
        fields.AddRange(c.Targets.OrderBy(t => t.Key == Targets.Default ? string.Empty : t.Key, StringComparer.Ordinal)
            .Select(t => new KeyValuePair<string, string>(ManifestFields.TargetColumn(t.Key), t.Value.ToString(System.Globalization.CultureInfo.InvariantCulture))));
        fields.AddRange(c.Images.OrderBy(i => ImageOrder(i.Key)).ThenBy(i => i.Key, StringComparer.Ordinal)
            .Select(i => new KeyValuePair<string, string>(ManifestFields.ImageColumn(i.Key), ManifestFields.Relative(folder, i.Value))));
        if (c.FollowUp is { } followUp)
        {
            fields.Add(new("time", ManifestFields.Format(followUp.Time)));
            fields.Add(new("event", ManifestFields.Format(followUp.Event)));
        }

        fields.AddRange(
        [
            new("age", ManifestFields.Format(c.Clinical.Age)),
            new("sex", ManifestFields.Format(c.Clinical.Sex)),
            new("max_diameter_cm", ManifestFields.Format(c.Clinical.MaxDiameterCm)),
            new("density", ManifestFields.Format(c.Clinical.Density)),
            new("location", ManifestFields.Format(c.Clinical.Location)),
            new("contrast_enhanced", ManifestFields.Format(c.Clinical.ContrastEnhanced)),
        ]);
        fields.AddRange(c.Clinical.Extra.OrderBy(pair => pair.Key, StringComparer.Ordinal));
        return fields;
    }

    private static int ImageOrder(string key) => key switch { ImageKeys.Ct => 0, ImageKeys.Mask => 1, _ => 2 };
}
