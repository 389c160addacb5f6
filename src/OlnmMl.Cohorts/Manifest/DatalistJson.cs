using System.Text;
using System.Text.Json;

namespace OlnmMl.Cohorts.Manifest;

/// <summary>
/// The MONAI decathlon-style datalist used by the published code:
/// <c>{"training":[{"image","mask","label",...}],"validation":[...],"test":[...]}</c>. The section gives the
/// cohort unless an entry has a <c>cohort</c> field (e.g. <c>test-h5</c>); other fields are the CSV's columns
/// (<c>image</c>, <c>mask</c>, <c>pet</c>, <c>image_&lt;key&gt;</c>, <c>label</c>, <c>label_&lt;name&gt;</c>, <c>time</c>, <c>event</c>, …), keys as written.
/// Other array-valued keys are rejected as unknown cohorts; other keys (name, description…) are ignored.
/// Paths are relative to the JSON file. Entries without an <c>id</c> get the image file name without extension.
/// </summary>
public static class DatalistJson
{
    private static readonly (string Section, CohortRole Role)[] Sections =
    [
        ("training", CohortRole.Train), ("validation", CohortRole.Validation), ("test", CohortRole.Test()),
    ];

    private static readonly HashSet<string> NumericFields = ["time", "age", "max_diameter_cm"];

    private static bool IsNumeric(string field) => NumericFields.Contains(field) || ManifestFields.TargetName(field) is not null;

    /// <summary>Reads every case of the datalist at <paramref name="path"/>.</summary>
    /// <exception cref="ManifestFormatException">Missing file, invalid JSON, or an entry that does not parse (named as section[index]).</exception>
    public static IReadOnlyList<Case> Read(string path)
    {
        if (!File.Exists(path))
        {
            throw new ManifestFormatException(path, null, "file not found");
        }

        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(File.ReadAllBytes(path));
        }
        catch (JsonException e)
        {
            throw new ManifestFormatException(path, $"line {e.LineNumber + 1}", $"invalid JSON: {e.Message}", e);
        }

        using (document)
        {
            if (document.RootElement.ValueKind != JsonValueKind.Object)
            {
                throw new ManifestFormatException(path, null, "the datalist must be a JSON object with 'training'/'validation'/'test' arrays");
            }

            foreach (var property in document.RootElement.EnumerateObject())
            {
                if (property.Value.ValueKind == JsonValueKind.Array && !Sections.Any(s => s.Section == property.Name))
                {
                    throw new ManifestFormatException(
                        path, property.Name, $"unknown cohort section '{property.Name}' (expected training, validation or test; name test cohorts with a 'cohort' field)");
                }
            }

            var cases = new List<Case>();
            foreach (var (section, role) in Sections)
            {
                if (!document.RootElement.TryGetProperty(section, out var entries))
                {
                    continue;
                }

                if (entries.ValueKind != JsonValueKind.Array)
                {
                    throw new ManifestFormatException(path, section, "must be an array of entries");
                }

                var index = 0;
                foreach (var entry in entries.EnumerateArray())
                {
                    var location = $"{section}[{index++}]";
                    cases.Add(CaseBuilder.Build(path, location, ToFields(path, location, entry), role, DefaultId(entry)));
                }
            }

            if (cases.Count == 0)
            {
                throw new ManifestFormatException(path, null, "no entries: expected a non-empty 'training', 'validation' or 'test' array");
            }

            return cases;
        }
    }

    /// <summary>Writes <paramref name="cases"/> as a datalist (atomically): train → training, validation → validation, tests → test.</summary>
    public static void Write(IEnumerable<Case> cases, string path)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(path))!;
        using var buffer = new MemoryStream();
        using (var json = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true }))
        {
            json.WriteStartObject();
            foreach (var group in cases.GroupBy(c => c.Role.Kind).OrderBy(g => g.Key))
            {
                json.WritePropertyName(Sections[(int)group.Key].Section);
                json.WriteStartArray();
                foreach (var c in group)
                {
                    json.WriteStartObject();
                    foreach (var (name, value) in CaseBuilder.ToFields(c, folder))
                    {
                        if (value.Length == 0)
                        {
                            continue;
                        }

                        if (IsNumeric(name))
                        {
                            json.WritePropertyName(name);
                            json.WriteRawValue(value);
                        }
                        else
                        {
                            json.WriteString(name, value);
                        }
                    }

                    json.WriteEndObject();
                }

                json.WriteEndArray();
            }

            json.WriteEndObject();
        }

        DurableFile.WriteAllText(path, Encoding.UTF8.GetString(buffer.ToArray()) + "\n");
    }

    private static Dictionary<string, string> ToFields(string path, string location, JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object)
        {
            throw new ManifestFormatException(path, location, "entry must be a JSON object");
        }

        var fields = new Dictionary<string, string>();
        foreach (var property in entry.EnumerateObject())
        {
            var value = property.Value;
            if (value.ValueKind == JsonValueKind.Array && value.GetArrayLength() == 1)
            {
                value = value[0]; // MONAI writes labels as one-element lists too
            }

            fields[property.Name.ToLowerInvariant()] = value.ValueKind switch
            {
                JsonValueKind.String => value.GetString()!,
                JsonValueKind.Number => value.GetRawText(),
                JsonValueKind.True => "1",
                JsonValueKind.False => "0",
                JsonValueKind.Null => string.Empty,
                _ => throw new ManifestFormatException(path, location, $"field '{property.Name}' must be a string, number or boolean"),
            };
        }

        return fields;
    }

    private static string? DefaultId(JsonElement entry)
    {
        if (entry.ValueKind != JsonValueKind.Object || !entry.TryGetProperty("image", out var image) || image.ValueKind != JsonValueKind.String)
        {
            return null;
        }

        var name = Path.GetFileName(image.GetString()!);
        foreach (var extension in new[] { ".nii.gz", ".nii", ".nrrd", ".nhdr" })
        {
            if (name.EndsWith(extension, StringComparison.OrdinalIgnoreCase))
            {
                return name[..^extension.Length];
            }
        }

        return name;
    }
}
