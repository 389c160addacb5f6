using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports a trained tabular ML.NET chain (normalise → select → classifier) as one ONNX graph:
/// input <c>radiomics</c> [N,k] (float), outputs <c>probability</c> [N] (positive class) and
/// <c>score</c> [N] (raw decision value). Every step must have an exporter; the first unknown
/// step stops the export with its type named.
/// </summary>
public static class TabularPipelineExporter
{
    /// <summary>Name of the probability output.</summary>
    public const string ProbabilityOutput = "probability";

    /// <summary>Name of the raw-score output.</summary>
    public const string ScoreOutput = "score";

    /// <summary>The built-in exporters: ML.NET normalisers and linear classifiers, and OlnmMl.Learners' components.</summary>
    public static IReadOnlyList<ITransformerOnnxExporter> BuiltInExporters { get; } = BuiltIns.All;

    /// <summary>Builds the graph of <paramref name="model"/> for <paramref name="featureCount"/> input features.</summary>
    /// <exception cref="NotSupportedException">A step has no exporter.</exception>
    /// <exception cref="InvalidOperationException">The chain ends without a calibrated probability.</exception>
    public static OnnxGraphBuilder BuildGraph(ITransformer model, int featureCount, TabularExportOptions options)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(featureCount);
        if (options.FeatureNames.Count != 0 && options.FeatureNames.Count != featureCount)
        {
            throw new ArgumentException(
                $"{options.FeatureNames.Count} feature names were given for {featureCount} features.", nameof(options));
        }

        var graph = new OnnxGraphBuilder("olnm_tabular");
        var input = graph.AddInput(options.InputName, OnnxElementType.Float, OnnxDim.Batch, featureCount);
        var context = Append(graph, model, options.FeatureColumnName, input, featureCount, [.. options.AdditionalExporters, .. BuiltInExporters]);
        if (context.Probability is null || context.Score is null)
        {
            throw new InvalidOperationException("The pipeline ends without a calibrated binary classifier, so it has no probability to export.");
        }

        graph.AddOutput(context.Probability, ProbabilityOutput, OnnxElementType.Float, OnnxDim.Batch);
        graph.AddOutput(context.Score, ScoreOutput, OnnxElementType.Float, OnnxDim.Batch);
        return graph;
    }

    /// <summary>
    /// Appends a whole fitted tabular model (feature steps and its calibrated binary classifier) that reads the vector
    /// column <paramref name="column"/>, bound to <paramref name="input"/> of <paramref name="width"/> slots; returns the
    /// value of its probability [N].
    /// </summary>
    /// <exception cref="NotSupportedException">A step has no exporter.</exception>
    /// <exception cref="InvalidOperationException">The chain ends without a calibrated probability.</exception>
    public static string AppendModel(OnnxGraphBuilder graph, ITransformer model, string column, string input, int width)
    {
        return Append(graph, model, column, input, width, BuiltInExporters).Probability ?? throw new InvalidOperationException("The pipeline ends without a calibrated binary classifier, so it has no probability to export.");
    }

    /// <summary>Exports every step of <paramref name="model"/> onto <paramref name="input"/> bound as <paramref name="column"/>; returns the context they left.</summary>
    private static OnnxExportContext Append(OnnxGraphBuilder graph, ITransformer model, string column, string input, int width, IReadOnlyList<ITransformerOnnxExporter> exporters)
    {
        var context = new OnnxExportContext(graph);
        context.Bind(column, input, width);
        foreach (var step in Flatten(model))
        {
            var exporter = exporters.FirstOrDefault(e => e.CanExport(step))
                ?? throw new NotSupportedException($"No ONNX exporter for pipeline step {step.GetType().FullName}.");
            exporter.Export(step, context);
        }

        return context;
    }

    /// <summary>
    /// Appends fitted feature steps (normalisers, selectors; no predictor) that read and rewrite the
    /// vector column <paramref name="column"/>, bound to <paramref name="input"/> of <paramref name="width"/>
    /// slots; returns the value holding the column after the last step.
    /// </summary>
    /// <exception cref="NotSupportedException">A step has no exporter.</exception>
    /// <exception cref="InvalidOperationException">A step is a predictor.</exception>
    public static string AppendFeatureSteps(OnnxGraphBuilder graph, ITransformer steps, string column, string input, int width)
    {
        var context = new OnnxExportContext(graph);
        context.Bind(column, input, width);
        foreach (var step in Flatten(steps))
        {
            var exporter = BuiltInExporters.FirstOrDefault(e => e.CanExport(step))
                ?? throw new NotSupportedException($"No ONNX exporter for feature step {step.GetType().FullName}.");
            exporter.Export(step, context);
            if (context.Score is not null)
            {
                throw new InvalidOperationException($"Feature steps must not contain a predictor; {step.GetType().Name} is one.");
            }
        }

        return context.Column(column).Value;
    }

    /// <summary>
    /// Exports <paramref name="model"/> to <paramref name="path"/> with the input/output contracts added
    /// to the metadata; returns the file size in bytes.
    /// </summary>
    public static long Export(ITransformer model, int featureCount, TabularExportOptions options, string path)
    {
        var graph = BuildGraph(model, featureCount, options);
        var metadata = options.Metadata with
        {
            Inputs = [new OnnxTensorContract(options.InputName, [-1, featureCount], options.FeatureNames, "radiomics feature vector, raw (un-normalised) values")],
            Outputs =
            [
                new OnnxTensorContract(ProbabilityOutput, [-1], [], "positive-class (pN+) probability"),
                new OnnxTensorContract(ScoreOutput, [-1], [], "raw decision value before calibration"),
            ],
        };
        return OnnxModelWriter.Write(graph, metadata, path);
    }

    /// <summary>The known-size Single vector column <paramref name="column"/> of <paramref name="schema"/>: its width and slot names.</summary>
    /// <exception cref="ArgumentException">The column is missing or is not a known-size Single vector.</exception>
    public static (int Width, IReadOnlyList<string> SlotNames) DescribeFeatureColumn(DataViewSchema schema, string column)
    {
        ArgumentNullException.ThrowIfNull(schema);
        var col = schema.GetColumnOrNull(column)
            ?? throw new ArgumentException($"The model's input schema has no column '{column}'; it has: {string.Join(", ", schema.Select(c => c.Name))}.", nameof(column));
        if (col.Type is not VectorDataViewType { ItemType: NumberDataViewType, Size: > 0 } vector || vector.ItemType.RawType != typeof(float))
        {
            throw new ArgumentException($"Column '{column}' is {col.Type}; a known-size vector of Single is needed.", nameof(column));
        }

        var names = new List<string>(vector.Size);
        if (col.HasSlotNames())
        {
            VBuffer<ReadOnlyMemory<char>> slots = default;
            col.GetSlotNames(ref slots);
            names.AddRange(slots.DenseValues().Select(s => s.ToString()));
        }

        return (vector.Size, names);
    }

    private static IEnumerable<ITransformer> Flatten(ITransformer model)
    {
        if (model is IEnumerable<ITransformer> chain)
        {
            foreach (var inner in chain.SelectMany(Flatten))
            {
                yield return inner;
            }
        }
        else
        {
            yield return model;
        }
    }
}
