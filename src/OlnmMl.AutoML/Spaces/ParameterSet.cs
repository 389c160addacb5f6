using System.Collections;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// An immutable assignment of values to parameter names (ordinal order), e.g. one trial's configuration.
/// Serialises to a JSON object whose integers are written without and floats with a decimal point,
/// so the kind survives a round trip.
/// </summary>
public sealed class ParameterSet : IReadOnlyDictionary<string, ParameterValue>, IEquatable<ParameterSet>
{
    private readonly SortedDictionary<string, ParameterValue> _values;

    /// <summary>Creates a set from name/value pairs; names must be unique and non-empty.</summary>
    public ParameterSet(IEnumerable<KeyValuePair<string, ParameterValue>> values)
    {
        ArgumentNullException.ThrowIfNull(values);
        _values = new SortedDictionary<string, ParameterValue>(StringComparer.Ordinal);
        foreach (var (name, value) in values)
        {
            ArgumentException.ThrowIfNullOrEmpty(name);
            if (!_values.TryAdd(name, value))
            {
                throw new ArgumentException($"Parameter '{name}' is assigned twice.", nameof(values));
            }
        }
    }

    /// <summary>The empty set.</summary>
    public static ParameterSet Empty { get; } = new([]);

    /// <inheritdoc />
    public ParameterValue this[string key] => _values.TryGetValue(key, out var value)
        ? value
        : throw new KeyNotFoundException($"The parameter set has no parameter '{key}' (it has: {string.Join(", ", _values.Keys)}).");

    /// <inheritdoc />
    public IEnumerable<string> Keys => _values.Keys;

    /// <inheritdoc />
    public IEnumerable<ParameterValue> Values => _values.Values;

    /// <inheritdoc />
    public int Count => _values.Count;

    /// <summary>The category of parameter <paramref name="name"/>.</summary>
    public string GetCategory(string name) => this[name].AsCategory();

    /// <summary>The integer value of parameter <paramref name="name"/>.</summary>
    public long GetInteger(string name) => this[name].AsInteger();

    /// <summary>The numeric value of parameter <paramref name="name"/>.</summary>
    public double GetDouble(string name) => this[name].AsDouble();

    /// <inheritdoc />
    public bool ContainsKey(string key) => _values.ContainsKey(key);

    /// <inheritdoc />
    public bool TryGetValue(string key, out ParameterValue value) => _values.TryGetValue(key, out value);

    /// <inheritdoc />
    public IEnumerator<KeyValuePair<string, ParameterValue>> GetEnumerator() => _values.GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Writes the set as a compact JSON object.</summary>
    public string ToJson()
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            foreach (var (name, value) in _values)
            {
                writer.WritePropertyName(name);
                switch (value.Kind)
                {
                    case ParameterValueKind.Categorical:
                        writer.WriteStringValue(value.AsCategory());
                        break;
                    case ParameterValueKind.Integer:
                        writer.WriteNumberValue(value.AsInteger());
                        break;
                    default:
                        var text = value.AsDouble().ToString("R", CultureInfo.InvariantCulture);
                        writer.WriteRawValue(text.Contains('.') || text.Contains('E') ? text : text + ".0");
                        break;
                }
            }

            writer.WriteEndObject();
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    /// <summary>Reads a set written by <see cref="ToJson"/>.</summary>
    public static ParameterSet FromJson(string json)
    {
        ArgumentNullException.ThrowIfNull(json);
        using var document = JsonDocument.Parse(json);
        if (document.RootElement.ValueKind != JsonValueKind.Object)
        {
            throw new FormatException($"Parameter JSON must be an object, got {document.RootElement.ValueKind}: {json}");
        }

        var values = new List<KeyValuePair<string, ParameterValue>>();
        foreach (var property in document.RootElement.EnumerateObject())
        {
            var element = property.Value;
            ParameterValue value = element.ValueKind switch
            {
                JsonValueKind.String => ParameterValue.Of(element.GetString()!),
                JsonValueKind.Number when IsInteger(element.GetRawText()) => ParameterValue.Of(element.GetInt64()),
                JsonValueKind.Number => ParameterValue.Of(element.GetDouble()),
                _ => throw new FormatException($"Parameter '{property.Name}' has unsupported JSON value {element.GetRawText()}."),
            };
            values.Add(new(property.Name, value));
        }

        return new ParameterSet(values);
    }

    private static bool IsInteger(string raw) => raw.IndexOfAny(['.', 'e', 'E']) < 0;

    /// <inheritdoc />
    public bool Equals(ParameterSet? other) =>
        other is not null && other.Count == Count && _values.All(pair => other.TryGetValue(pair.Key, out var v) && v.Equals(pair.Value));

    /// <inheritdoc />
    public override bool Equals(object? obj) => Equals(obj as ParameterSet);

    /// <inheritdoc />
    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var (name, value) in _values)
        {
            hash.Add(name);
            hash.Add(value);
        }

        return hash.ToHashCode();
    }

    /// <summary>Text such as <c>c=1.5, kernel=rbf</c>.</summary>
    public override string ToString() => string.Join(", ", _values.Select(p => $"{p.Key}={p.Value}"));
}
