using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Scoring;

/// <summary>
/// Scores an exported model with ONNX Runtime (CPU, all graph optimisations on by default).
/// Inputs are checked first (names, shapes, finiteness) against the model and its metadata.
/// Thread-safe for concurrent Predict calls (ONNX Runtime sessions are).
/// </summary>
public sealed class OnnxScorer : IDisposable
{
    private readonly InferenceSession _session;
    private readonly Dictionary<string, IReadOnlyList<string>> _slotNames;

    /// <summary>Loads <paramref name="modelPath"/>.</summary>
    /// <param name="modelPath">An .onnx file.</param>
    /// <param name="optimization">ONNX Runtime graph optimisation level.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="OlnmUserException">ONNX Runtime cannot load the file (damaged, truncated, not ONNX); the message names it.</exception>
    public OnnxScorer(string modelPath, GraphOptimizationLevel optimization = GraphOptimizationLevel.ORT_ENABLE_ALL)
    {
        if (!File.Exists(modelPath))
        {
            throw new FileNotFoundException($"ONNX model '{modelPath}' does not exist.", modelPath);
        }

        using var options = new SessionOptions { GraphOptimizationLevel = optimization };
        try
        {
            _session = new InferenceSession(modelPath, options);
        }
        catch (OnnxRuntimeException e)
        {
            throw new OlnmUserException(modelPath, $"not a readable ONNX model ({OneLine(e.Message)})", e);
        }

        Metadata = OnnxModelMetadata.FromProperties(_session.ModelMetadata.CustomMetadataMap);
        _slotNames = Metadata.Inputs.ToDictionary(c => c.Name, c => c.SlotNames, StringComparer.Ordinal);
    }

    /// <summary>The model's OlnmMl metadata (empty defaults for models OlnmMl did not write).</summary>
    public OnnxModelMetadata Metadata { get; }

    /// <summary>The model's output names.</summary>
    public IReadOnlyList<string> OutputNames => [.. _session.OutputMetadata.Keys];

    /// <summary>Declared input shapes by name (−1 for symbolic dimensions).</summary>
    public IReadOnlyDictionary<string, int[]> InputShapes =>
        _session.InputMetadata.ToDictionary(kv => kv.Key, kv => kv.Value.Dimensions);

    /// <summary>
    /// Runs the model and returns output <paramref name="output"/> flattened row-major
    /// (for <c>probability</c>: one value per case).
    /// </summary>
    /// <exception cref="ArgumentException">An input is missing, unknown, mis-shaped or not finite, or the output does not exist.</exception>
    public float[] Predict(IReadOnlyDictionary<string, OnnxInput> inputs, string output = "probability") =>
        PredictOutputs(inputs, output)[output];

    /// <summary>Runs the model once and returns each of <paramref name="outputs"/> flattened row-major, by name.</summary>
    /// <exception cref="ArgumentException">An input is missing, unknown, mis-shaped or not finite, or an output does not exist.</exception>
    public IReadOnlyDictionary<string, float[]> PredictOutputs(IReadOnlyDictionary<string, OnnxInput> inputs, params string[] outputs)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        foreach (var output in outputs.Where(o => !_session.OutputMetadata.ContainsKey(o)))
        {
            throw new ArgumentException($"The model has no output '{output}'; it has: {string.Join(", ", _session.OutputMetadata.Keys)}.", nameof(outputs));
        }

        OnnxInputValidator.Validate(_session.InputMetadata, inputs, _slotNames);
        var values = inputs.Select(kv => NamedOnnxValue.CreateFromTensor(
            kv.Key, new DenseTensor<float>(kv.Value.Data, kv.Value.Shape.Select(d => (int)d).ToArray()))).ToList();
        using var results = _session.Run(values, outputs);
        return results.ToDictionary(r => r.Name, r => r.AsEnumerable<float>().ToArray());
    }

    /// <summary>Scores a single-input model: <paramref name="data"/> of shape <paramref name="shape"/> fed to its only input.</summary>
    /// <exception cref="InvalidOperationException">The model has more than one input.</exception>
    public float[] Predict(float[] data, long[] shape, string output = "probability")
    {
        if (_session.InputMetadata.Count != 1)
        {
            throw new InvalidOperationException(
                $"The model has {_session.InputMetadata.Count} inputs ({string.Join(", ", _session.InputMetadata.Keys)}); pass them by name.");
        }

        return Predict(new Dictionary<string, OnnxInput> { [_session.InputMetadata.Keys.First()] = new(data, shape) }, output);
    }

    /// <inheritdoc />
    public void Dispose() => _session.Dispose();

    private static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
