using System.Text.Json.Serialization;

namespace OlnmMl.Learners.Pipelines;

/// <summary>The <c>model.json</c> of a tabular model directory.</summary>
public sealed record TabularModelManifest
{
    /// <summary>Directory format version (<see cref="TabularModel.FormatVersion"/>).</summary>
    [JsonPropertyName("format_version")]
    public int FormatVersion { get; init; }

    /// <summary>Version of OlnmMl.Learners that wrote the directory.</summary>
    [JsonPropertyName("library_version")]
    public string LibraryVersion { get; init; } = "";

    /// <summary>Pipeline name.</summary>
    [JsonPropertyName("pipeline")]
    public string Pipeline { get; init; } = "";

    /// <summary>Id column of the feature tables.</summary>
    [JsonPropertyName("id_column")]
    public string IdColumn { get; init; } = "id";

    /// <summary>Label column of the training table.</summary>
    [JsonPropertyName("label_column")]
    public string LabelColumn { get; init; } = "";

    /// <summary>Input features, in the order the model reads them.</summary>
    [JsonPropertyName("features")]
    public IReadOnlyList<string> Features { get; init; } = [];

    /// <summary>
    /// Training median of each feature (in <see cref="Features"/> order), which replaces a non-finite cell when
    /// scoring; null for a model trained before medians were kept, which refuses such cells.
    /// </summary>
    [JsonPropertyName("medians")]
    public IReadOnlyList<float>? Medians { get; init; }

    /// <summary>Fitted steps in order.</summary>
    [JsonPropertyName("steps")]
    public IReadOnlyList<TabularModelStepEntry> Steps { get; init; } = [];

    /// <summary>Provenance of the training data.</summary>
    [JsonPropertyName("training")]
    public TabularTrainingProvenance? Training { get; init; }
}

/// <summary>One fitted step file of a model directory.</summary>
/// <param name="Kind">Step kind (impute, normalize, select, svm, logistic, fasttree, lightgbm).</param>
/// <param name="Format">mlnet (ML.NET zip) or olnm-impute / olnm-selection / olnm-svm / olnm-logistic (this library's versioned binary).</param>
/// <param name="File">File name inside the directory.</param>
public sealed record TabularModelStepEntry(
    [property: JsonPropertyName("kind")] string Kind,
    [property: JsonPropertyName("format")] string Format,
    [property: JsonPropertyName("file")] string File);

/// <summary>Where a tabular model was trained from.</summary>
/// <param name="File">Training table path.</param>
/// <param name="Sha256">SHA-256 of the training table.</param>
/// <param name="Rows">Training rows.</param>
/// <param name="Positives">Positive rows.</param>
/// <param name="TrainedUtc">Time of training (UTC, ISO 8601).</param>
public sealed record TabularTrainingProvenance(
    [property: JsonPropertyName("file")] string File,
    [property: JsonPropertyName("sha256")] string Sha256,
    [property: JsonPropertyName("rows")] int Rows,
    [property: JsonPropertyName("positives")] int Positives,
    [property: JsonPropertyName("trained_utc")] string TrainedUtc);
