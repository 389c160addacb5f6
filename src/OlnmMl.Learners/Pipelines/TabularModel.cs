using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Imputation;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// A fitted tabular pipeline plus what is needed to score a new feature table: the input feature list, the id and
/// label column names and the training provenance. Saved as a directory: <c>model.json</c>
/// (<see cref="TabularModelManifest"/>, format <see cref="FormatVersion"/>), one file per step (ML.NET steps as
/// ML.NET zips, this library's steps in their versioned binary formats) and <c>pipeline.yaml</c>.
/// </summary>
public sealed class TabularModel
{
    /// <summary>Version of the directory format.</summary>
    public const int FormatVersion = 1;

    private const string ManifestFile = "model.json";
    private const string PipelineFile = "pipeline.yaml";
    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true };

    private readonly IReadOnlyList<(string Kind, ITransformer Transformer, DataViewSchema InputSchema)> _steps;

    internal TabularModel(TabularModelManifest manifest, IReadOnlyList<(string Kind, ITransformer Transformer, DataViewSchema InputSchema)> steps, string pipelineYaml)
    {
        Manifest = manifest;
        _steps = steps;
        PipelineYaml = pipelineYaml;
    }

    /// <summary>The manifest (features, columns, provenance).</summary>
    public TabularModelManifest Manifest { get; }

    /// <summary>The pipeline as YAML.</summary>
    public string PipelineYaml { get; }

    /// <summary>The fitted transformers in order (the last adds Score, Probability, PredictedLabel).</summary>
    public IReadOnlyList<ITransformer> Transformers => [.. _steps.Select(s => s.Transformer)];

    /// <summary>
    /// The fitted steps as one ML.NET transformer (a <see cref="TransformerChain{TLastTransformer}"/>), e.g. for
    /// <c>mlContext.Model.CreatePredictionEngine</c>; not savable with <c>mlContext.Model.Save</c> (use <see cref="Save"/>).
    /// </summary>
    public ITransformer Transformer => new TransformerChain<ITransformer>([.. _steps.Select(s => s.Transformer)]);

    /// <summary>Applies every step to <paramref name="data"/> (which must have the <c>Features</c> column).</summary>
    public IDataView Transform(IDataView data)
    {
        foreach (var step in _steps) data = step.Transformer.Transform(data);
        return data;
    }

    /// <summary>
    /// Writes the model directory: built beside <paramref name="directory"/> and swapped into place
    /// (<see cref="DurableFile.ReplaceDirectory"/>), so a failure or a full disk leaves the previous model whole.
    /// </summary>
    public void Save(MLContext ml, string directory) => DurableFile.ReplaceDirectory(directory, building => WriteFiles(ml, building));

    private void WriteFiles(MLContext ml, string directory)
    {
        var entries = new List<TabularModelStepEntry>();
        for (int i = 0; i < _steps.Count; i++)
        {
            var (kind, transformer, schema) = _steps[i];
            var (format, extension) = transformer switch
            {
                FeatureSelectionTransformer => ("olnm-selection", "bin"),
                ImputeTransformer => ("olnm-impute", "bin"),
                KernelSvmPredictionTransformer => ("olnm-svm", "bin"),
                ClinicalLogisticTransformer => ("olnm-logistic", "bin"),
                _ => ("mlnet", "zip"),
            };
            var file = $"step-{i:D2}-{kind}.{extension}";
            using (var stream = File.Create(Path.Combine(directory, file)))
            {
                switch (transformer)
                {
                    case FeatureSelectionTransformer s: s.Save(stream); break;
                    case ImputeTransformer s: s.Save(stream); break;
                    case KernelSvmPredictionTransformer s: s.Save(stream); break;
                    case ClinicalLogisticTransformer s: s.Save(stream); break;
                    default: ml.Model.Save(transformer, schema, stream); break;
                }
            }
            entries.Add(new TabularModelStepEntry(kind, format, file));
        }
        var manifest = Manifest with { Steps = entries };
        File.WriteAllText(Path.Combine(directory, ManifestFile), JsonSerializer.Serialize(manifest, Json));
        File.WriteAllText(Path.Combine(directory, PipelineFile), PipelineYaml);
    }

    /// <summary>Reads a model directory written by <see cref="Save"/>.</summary>
    /// <exception cref="FeatureTableException">When the directory or a step file is missing, the format version is unknown or the medians do not fit the features.</exception>
    public static TabularModel Load(MLContext ml, string directory)
    {
        var manifestPath = Path.Combine(directory, ManifestFile);
        if (!File.Exists(manifestPath)) throw new FeatureTableException($"'{directory}' is not a tabular model directory (no {ManifestFile}).");
        var manifest = ReadManifest(manifestPath);
        if (manifest.FormatVersion != FormatVersion)
            throw new FeatureTableException($"{manifestPath}: model format version {manifest.FormatVersion} is not supported (this build reads {FormatVersion}).");
        if (manifest.Medians is { } medians && (medians.Count != manifest.Features.Count || !medians.All(float.IsFinite)))
            throw new FeatureTableException($"{manifestPath}: {medians.Count} medians for {manifest.Features.Count} features, or one not finite; retrain the model.");
        var steps = new List<(string, ITransformer, DataViewSchema)>();
        foreach (var entry in manifest.Steps)
        {
            var path = Path.Combine(directory, entry.File);
            if (!File.Exists(path)) throw new FeatureTableException($"{manifestPath}: step file '{entry.File}' is missing.");
            var (transformer, schema) = ModelStepFile.Load(path, () =>
            {
                using var stream = File.OpenRead(path);
                DataViewSchema? schema = null;
                ITransformer transformer = entry.Format switch
                {
                    "olnm-selection" => FeatureSelectionTransformer.Load(stream),
                    "olnm-impute" => ImputeTransformer.Load(stream),
                    "olnm-svm" => KernelSvmPredictionTransformer.Load(stream),
                    "olnm-logistic" => ClinicalLogisticTransformer.Load(stream),
                    "mlnet" => ml.Model.Load(stream, out schema),
                    _ => throw new FeatureTableException($"{manifestPath}: unknown step format '{entry.Format}'."),
                };
                return (transformer, schema);
            });
            steps.Add((entry.Kind, transformer, schema ?? EmptySchema));
        }
        var yamlPath = Path.Combine(directory, PipelineFile);
        return new TabularModel(manifest, steps, File.Exists(yamlPath) ? File.ReadAllText(yamlPath) : "");
    }

    private static TabularModelManifest ReadManifest(string manifestPath)
    {
        try
        {
            return JsonSerializer.Deserialize<TabularModelManifest>(File.ReadAllText(manifestPath))
                ?? throw new FeatureTableException($"{manifestPath} is empty.");
        }
        catch (JsonException e)
        {
            throw new FeatureTableException($"{manifestPath}: not a valid model manifest ({ModelStepFile.OneLine(e.Message)})", e);
        }
    }

    private static DataViewSchema EmptySchema { get; } = new DataViewSchema.Builder().ToSchema();
}
