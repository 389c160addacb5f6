using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Mil;
using static TorchSharp.torch;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// A trained MIL model as the ONNX exporter's definition (<see cref="MilModelExporter"/>), and bags scored through the
/// exported graph: the one place that maps OlnmMl.Torch's MIL model onto OlnmMl.Onnx's (which knows no TorchSharp).
/// </summary>
public static class MilOnnx
{
    /// <summary>
    /// The definition of <paramref name="model"/>: its float parameters and buffers, its network spec and encoder layout
    /// (<see cref="EncoderLayouts"/>), and for an
    /// instance-level model the aggregation of instance probabilities (with the histogram classifier's IDF, weights and bias).
    /// </summary>
    /// <param name="model">The trained model.</param>
    /// <param name="instanceRecipe">The slice-bag recipe its instances were made with (recorded in the graph's metadata).</param>
    public static MilModelDefinition Definition(MilModel model, string instanceRecipe)
    {
        var spec = model.Info.Network;
        var histogram = model.Info.Histogram;
        return new MilModelDefinition
        {
            Weights = model.Network.state_dict()
                .Where(kv => kv.Value.dtype == ScalarType.Float32)
                .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.data<float>().ToArray(), kv.Value.shape)),
            Family = EncoderFamilies.Of(spec.Architecture),
            Layout = EncoderLayouts.Of(model.Network.Encoder),
            InstanceShape = spec.InstanceShape,
            Pooling = spec.Pooling,
            InstanceAggregation = model.Info.Mode == MilTrainingMode.InstanceLevel
                ? new MilAggregationSpec(model.Info.Aggregation.ToString().ToLowerInvariant(), histogram?.InverseDocumentFrequencies, histogram?.Weights, histogram?.Bias ?? 0)
                : null,
            InstanceRecipe = instanceRecipe,
        };
    }

    /// <summary>
    /// The exported graph's probability of every bag of <paramref name="samples"/>, <paramref name="batch"/> bags per run
    /// (padded and masked as in training); <paramref name="moreInputs"/> gives a graph's further inputs for the bags
    /// [start, start + count) (e.g. their radiomics).
    /// </summary>
    public static float[] Score(IBagSamples samples, OnnxScorer scorer, int batch, Func<int, int, IEnumerable<KeyValuePair<string, OnnxInput>>>? moreInputs = null)
    {
        var collation = new BagBatch(samples, batch);
        var probabilities = new float[samples.Count];
        var indices = new int[batch];
        for (var start = 0; start < samples.Count; start += batch)
        {
            var count = Math.Min(batch, samples.Count - start);
            for (var i = 0; i < count; i++)
            {
                indices[i] = start + i;
            }

            collation.Collate(samples, indices.AsSpan(0, count));
            var inputs = new Dictionary<string, OnnxInput>(moreInputs?.Invoke(start, count) ?? [])
            {
                [MilModelExporter.InstancesInput] = new(collation.Instances.ToArray(), collation.InstanceShape),
                [MilModelExporter.MaskInput] = new(collation.Mask.ToArray(), collation.MaskShape),
            };
            scorer.Predict(inputs).CopyTo(probabilities, start);
        }

        return probabilities;
    }
}
