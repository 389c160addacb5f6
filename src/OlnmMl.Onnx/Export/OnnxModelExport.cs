using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>Entry point of <c>olnm export --model model/ --out model.onnx</c>.</summary>
public static class OnnxModelExport
{
    /// <summary>File name of the saved ML.NET pipeline inside a model folder.</summary>
    public const string ModelFileName = "model.zip";

    /// <summary>File name of the optional provenance (an <see cref="OnnxModelMetadata"/> as JSON) inside a model folder.</summary>
    public const string MetadataFileName = "metadata.json";

    /// <summary>
    /// Exports the trained tabular pipeline in <paramref name="modelDirectory"/> (<c>model.zip</c>
    /// saved with <c>mlContext.Model.Save</c>, and optionally <c>metadata.json</c>) to
    /// <paramref name="outPath"/>. The feature column is the input schema's only known-size
    /// Single vector column; its slot names become the <c>radiomics</c> contract. Returns the file size in bytes.
    /// </summary>
    /// <exception cref="FileNotFoundException">The folder has no model.zip.</exception>
    /// <exception cref="ArgumentException">The input schema has no single feature vector column.</exception>
    /// <exception cref="NotSupportedException">A pipeline step has no ONNX exporter.</exception>
    public static long ExportModelDirectory(string modelDirectory, string outPath)
    {
        var modelPath = Path.Combine(modelDirectory, ModelFileName);
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"Model folder '{modelDirectory}' has no {ModelFileName}.", modelPath);
        }

        var metadataPath = Path.Combine(modelDirectory, MetadataFileName);
        var metadata = File.Exists(metadataPath) ? ReadMetadata(metadataPath) : new OnnxModelMetadata();
        var ml = new MLContext(seed: metadata.Seed);
        var model = ml.Model.Load(modelPath, out var inputSchema);
        var featureColumn = FindFeatureColumn(inputSchema, modelPath);
        var (width, slotNames) = TabularPipelineExporter.DescribeFeatureColumn(inputSchema, featureColumn);
        var options = new TabularExportOptions { FeatureColumnName = featureColumn, FeatureNames = slotNames, Metadata = metadata };
        return TabularPipelineExporter.Export(model, width, options, outPath);
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
