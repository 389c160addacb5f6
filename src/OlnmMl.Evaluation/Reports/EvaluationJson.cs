using System.Text.Json;
using System.Text.Json.Serialization;

namespace OlnmMl.Evaluation.Reports;

/// <summary>
/// The JSON conventions of every result in this library: snake_case names, indented, enums as
/// strings, and NaN/±∞ written as the strings "NaN", "Infinity", "-Infinity" (JSON has no such
/// numbers). Readers (leaderboard, reports) must use <see cref="Options"/> to read them back.
/// </summary>
public static class EvaluationJson
{
    /// <summary>Shared serializer options (read-only).</summary>
    public static JsonSerializerOptions Options { get; } = CreateOptions();

    /// <summary>Serialises any result record.</summary>
    /// <typeparam name="T">Record type.</typeparam>
    /// <param name="value">The result.</param>
    public static string Serialize<T>(T value) => JsonSerializer.Serialize(value, Options);

    /// <summary>Reads a result record written by <see cref="Serialize{T}"/>.</summary>
    /// <typeparam name="T">Record type.</typeparam>
    /// <param name="json">The JSON text.</param>
    /// <exception cref="JsonException">Malformed JSON or a shape that does not match <typeparamref name="T"/>.</exception>
    public static T Deserialize<T>(string json) =>
        JsonSerializer.Deserialize<T>(json, Options) ?? throw new JsonException($"JSON text is 'null', expected a {typeof(T).Name}.");

    private static JsonSerializerOptions CreateOptions()
    {
        var options = new JsonSerializerOptions
        {
            PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower,
            NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
            WriteIndented = true,
        };
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.SnakeCaseLower));
        options.MakeReadOnly(populateMissingResolver: true);
        return options;
    }
}
