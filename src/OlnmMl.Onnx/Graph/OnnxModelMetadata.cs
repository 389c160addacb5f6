using System.Globalization;
using System.Text.Json;

namespace OlnmMl.Onnx.Graph;

/// <summary>
/// Provenance and contracts stored in an exported model's <c>metadata_props</c> (keys prefixed
/// <c>olnm.</c>; lists and maps are JSON), readable back through ONNX Runtime's custom metadata.
/// Radiomics extraction stays outside the graph, so <see cref="RadiomicsSettings"/> and the
/// <c>radiomics</c> input's slot names say exactly which features, computed how, the model expects.
/// </summary>
public sealed record OnnxModelMetadata
{
    private const string Prefix = "olnm.";

    /// <summary>The pipeline that produced the model (its YAML or a one-line description).</summary>
    public string Pipeline { get; init; } = "";

    /// <summary>The training settings (hyper-parameters), as text (typically JSON or YAML).</summary>
    public string Settings { get; init; } = "";

    /// <summary>The random seed of the training run, when there was one.</summary>
    public int? Seed { get; init; }

    /// <summary>Component versions (e.g. <c>OlnmMl</c>, <c>Microsoft.ML</c>, <c>TorchSharp</c>) keyed by name.</summary>
    public IReadOnlyDictionary<string, string> Versions { get; init; } = new Dictionary<string, string>();

    /// <summary>The cohorts (or centres) whose cases the model was trained on.</summary>
    public IReadOnlyList<string> TrainingCohorts { get; init; } = [];

    /// <summary>The radiomics extraction settings the <c>radiomics</c> input was computed with.</summary>
    public string RadiomicsSettings { get; init; } = "";

    /// <summary>Case id column of the feature tables the model scores (empty: the first column).</summary>
    public string IdColumn { get; init; } = "";

    /// <summary>Outcome column of the training table, carried to the scores when a table to score has it.</summary>
    public string LabelColumn { get; init; } = "";

    /// <summary>
    /// Training median of each <c>radiomics</c> feature (slot order), which <c>olnm predict</c> puts in a non-finite
    /// cell before scoring; empty: such cells are refused. The graph itself takes finite values only.
    /// </summary>
    public IReadOnlyList<float> FeatureMedians { get; init; } = [];

    /// <summary>The contract of every graph input.</summary>
    public IReadOnlyList<OnnxTensorContract> Inputs { get; init; } = [];

    /// <summary>The contract of every graph output.</summary>
    public IReadOnlyList<OnnxTensorContract> Outputs { get; init; } = [];

    /// <summary>The key/value pairs written to the model's <c>metadata_props</c>.</summary>
    public IReadOnlyDictionary<string, string> ToProperties()
    {
        var props = new Dictionary<string, string>(StringComparer.Ordinal)
        {
            [Prefix + "pipeline"] = Pipeline,
            [Prefix + "settings"] = Settings,
            [Prefix + "versions"] = JsonSerializer.Serialize(Versions),
            [Prefix + "training_cohorts"] = JsonSerializer.Serialize(TrainingCohorts),
            [Prefix + "radiomics_settings"] = RadiomicsSettings,
            [Prefix + "id_column"] = IdColumn,
            [Prefix + "label_column"] = LabelColumn,
            [Prefix + "feature_medians"] = JsonSerializer.Serialize(FeatureMedians),
            [Prefix + "inputs"] = JsonSerializer.Serialize(Inputs),
            [Prefix + "outputs"] = JsonSerializer.Serialize(Outputs),
        };
        if (Seed is { } seed)
        {
            props[Prefix + "seed"] = seed.ToString(CultureInfo.InvariantCulture);
        }

        return props;
    }

    /// <summary>
    /// Reads the metadata back from a model's properties (e.g. ONNX Runtime's
    /// <c>ModelMetadata.CustomMetadataMap</c>); absent keys give the defaults.
    /// </summary>
    /// <exception cref="FormatException">A present key holds text that does not parse.</exception>
    public static OnnxModelMetadata FromProperties(IReadOnlyDictionary<string, string> properties)
    {
        ArgumentNullException.ThrowIfNull(properties);
        string Get(string key) => properties.TryGetValue(Prefix + key, out var v) ? v : "";
        T Json<T>(string key, T fallback)
        {
            var text = Get(key);
            if (text.Length == 0)
            {
                return fallback;
            }

            try
            {
                return JsonSerializer.Deserialize<T>(text) ?? fallback;
            }
            catch (JsonException e)
            {
                throw new FormatException($"Model metadata '{Prefix}{key}' is not valid JSON: {e.Message}", e);
            }
        }

        var seedText = Get("seed");
        int? seed = null;
        if (seedText.Length > 0)
        {
            seed = int.TryParse(seedText, NumberStyles.Integer, CultureInfo.InvariantCulture, out var s)
                ? s
                : throw new FormatException($"Model metadata '{Prefix}seed' is '{seedText}', not an integer.");
        }

        return new OnnxModelMetadata
        {
            Pipeline = Get("pipeline"),
            Settings = Get("settings"),
            Seed = seed,
            Versions = Json<Dictionary<string, string>>("versions", []),
            TrainingCohorts = Json<List<string>>("training_cohorts", []),
            RadiomicsSettings = Get("radiomics_settings"),
            IdColumn = Get("id_column"),
            LabelColumn = Get("label_column"),
            FeatureMedians = Json<List<float>>("feature_medians", []),
            Inputs = Json<List<OnnxTensorContract>>("inputs", []),
            Outputs = Json<List<OnnxTensorContract>>("outputs", []),
        };
    }
}
