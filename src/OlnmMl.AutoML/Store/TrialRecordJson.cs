using System.Collections.Immutable;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace OlnmMl.AutoML.Store;

/// <summary>JSON columns of a trial record (metrics allow NaN, written as the string "NaN").</summary>
internal static class TrialRecordJson
{
    private static readonly JsonSerializerOptions Options = new()
    {
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public static string WriteMetrics(ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, double>> metrics) =>
        JsonSerializer.Serialize(metrics.ToDictionary(c => c.Key, c => c.Value.ToDictionary(m => m.Key, m => m.Value)), Options);

    public static ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, double>> ReadMetrics(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, Dictionary<string, double>>>(json, Options) ?? [])
            .ToImmutableSortedDictionary(c => c.Key, c => c.Value.ToImmutableSortedDictionary(StringComparer.Ordinal), StringComparer.Ordinal);

    public static string WriteMap(ImmutableSortedDictionary<string, string> map) => JsonSerializer.Serialize(map, Options);

    public static ImmutableSortedDictionary<string, string> ReadMap(string json) =>
        (JsonSerializer.Deserialize<Dictionary<string, string>>(json, Options) ?? []).ToImmutableSortedDictionary(StringComparer.Ordinal);
}
