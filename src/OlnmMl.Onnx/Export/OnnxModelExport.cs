using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>Entry point of <c>olnm export --model model/ --out model.onnx</c>.</summary>
public static class OnnxModelExport
{
    /// <summary>File name of the saved ML.NET pipeline inside a model folder.</summary>
    public const string ModelFileName = "model.zip";

    /// <summary>File name of the optional provenance (an <see cref="OnnxModelMetadata"/> as JSON) inside a model folder.</summary>
    public const string MetadataFileName = "metadata.json";

    /// <summary>File name of the manifest of an OlnmMl.Learners <see cref="TabularModel"/> folder.</summary>
    public const string TabularManifestFileName = "model.json";

    /// <summary>
    /// Exports the trained tabular pipeline in <paramref name="modelDirectory"/> to <paramref name="outPath"/>;
    /// returns the file size in bytes. Two folder kinds are read: an OlnmMl.Learners
    /// <see cref="TabularModel"/> folder (<c>model.json</c>: its feature list becomes the <c>radiomics</c>
    /// contract, its YAML and training provenance the metadata), or a <c>model.zip</c> saved with
    /// <c>mlContext.Model.Save</c> whose input schema has one known-size Single vector column (its slot
    /// names become the contract). An optional <c>metadata.json</c> (<see cref="OnnxModelMetadata"/>) adds
    /// seed, settings, cohorts and radiomics settings.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder has neither model.json nor model.zip.</exception>
    /// <exception cref="ArgumentException">The input schema has no single feature vector column.</exception>
    /// <exception cref="NotSupportedException">A pipeline step has no ONNX exporter.</exception>
    public static long ExportModelDirectory(string modelDirectory, string outPath)
    {
        var metadataPath = Path.Combine(modelDirectory, MetadataFileName);
        var metadata = File.Exists(metadataPath) ? ReadMetadata(metadataPath) : new OnnxModelMetadata();
        if (File.Exists(Path.Combine(modelDirectory, TabularManifestFileName)))
        {
            return ExportTabularModel(modelDirectory, metadata, outPath);
        }

        var modelPath = Path.Combine(modelDirectory, ModelFileName);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException(
                $"Model folder '{modelDirectory}' has neither {TabularManifestFileName} (OlnmMl tabular model) nor {ModelFileName} (ML.NET model).", modelPath);
        }

        var ml = new MLContext(seed: metadata.Seed);
        var model = ml.Model.Load(modelPath, out var inputSchema);
        var featureColumn = FindFeatureColumn(inputSchema, modelPath);
        var (width, slotNames) = TabularPipelineExporter.DescribeFeatureColumn(inputSchema, featureColumn);
        var options = new TabularExportOptions { FeatureColumnName = featureColumn, FeatureNames = slotNames, Metadata = metadata };
        return TabularPipelineExporter.Export(model, width, options, outPath);
    }

    private static long ExportTabularModel(string modelDirectory, OnnxModelMetadata metadata, string outPath)
    {
        var ml = new MLContext(seed: metadata.Seed);
        var model = TabularModel.Load(ml, modelDirectory);
        var manifest = model.Manifest;
        var versions = new Dictionary<string, string>(metadata.Versions) { ["OlnmMl.Learners"] = manifest.LibraryVersion };
        var provenance = manifest.Training is { } t
            ? $"training table {t.File} (sha256 {t.Sha256}, {t.Rows} rows, {t.Positives} positive), trained {t.TrainedUtc}"
            : "";
        var options = new TabularExportOptions
        {
            FeatureColumnName = OlnmMl.Learners.Data.DefaultColumnNames.Features,
            FeatureNames = manifest.Features,
            Metadata = metadata with
            {
                Pipeline = metadata.Pipeline.Length > 0 ? metadata.Pipeline : model.PipelineYaml,
                Settings = metadata.Settings.Length > 0 ? metadata.Settings : provenance,
                Versions = versions,
                IdColumn = manifest.IdColumn,
                LabelColumn = manifest.LabelColumn,
                FeatureMedians = manifest.Medians ?? [],
            },
        };
        return TabularPipelineExporter.Export(model.Transformer, manifest.Features.Count, options, outPath);
    }

    private static OnnxModelMetadata ReadMetadata(string path)
    {
        try
        {
            return JsonSerializer.Deserialize<OnnxModelMetadata>(File.ReadAllText(path), new JsonSerializerOptions { PropertyNameCaseInsensitive = true })
                ?? new OnnxModelMetadata();
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"'{path}' is not a valid model metadata JSON: {e.Message}", nameof(path), e);
        }
    }

    private static string FindFeatureColumn(DataViewSchema schema, string modelPath)
    {
        var candidates = schema
            .Where(c => c.Type is VectorDataViewType { Size: > 0 } v && v.ItemType.RawType == typeof(float))
            .Select(c => c.Name)
            .Distinct()
            .ToList();
        return candidates.Count == 1
            ? candidates[0]
            : throw new ArgumentException(
                $"The input schema of '{modelPath}' must have exactly one known-size Single vector column to export; it has {candidates.Count}: {string.Join(", ", candidates)}.",
                nameof(modelPath));
    }
}
