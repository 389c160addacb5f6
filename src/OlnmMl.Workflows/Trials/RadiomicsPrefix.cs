using System.Collections.Immutable;
using System.Text.Json;
using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Transforms;
using OlnmMl.Learners.Selection;
using OlnmMl.Onnx.Networks;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The radiomics branch in front of a fusion network, fitted on the training cohort: z-score
/// normalisation of <c>Features</c>, then the CART top-k slots, copied to the <c>Radiomics</c> column.
/// Its parameters (offset, scale, kept slots) are saved as JSON so the ONNX export can rebuild it.
/// </summary>
public static class RadiomicsPrefix
{
    /// <summary>Fits the prefix; returns the ML.NET chain and its parameters (y = (x − offset) ⊙ scale, then the kept slots).</summary>
    public static (ITransformer Chain, RadiomicsPreprocessing Parameters) Fit(MLContext ml, IDataView train, int topK)
    {
        var chain = ml.Transforms.NormalizeMeanVariance("Features")
            .Append(ml.Transforms.SelectFeaturesByDecisionTree(topK))
            .Append(ml.Transforms.CopyColumns("Radiomics", "Features"))
            .Fit(train);
        var normaliser = chain.OfType<NormalizingTransformer>().Single();
        var affine = (NormalizingTransformer.AffineNormalizerModelParameters<ImmutableArray<float>>)normaliser.GetNormalizerModelParameters(0);
        var scale = affine.Scale.ToArray();
        var offset = affine.Offset.IsDefaultOrEmpty ? new float[scale.Length] : affine.Offset.ToArray();
        var selected = chain.OfType<FeatureSelectionTransformer>().Single().SelectedIndices.ToArray();
        return (chain, new RadiomicsPreprocessing(offset, scale, selected));
    }

    /// <summary>Writes the parameters as JSON.</summary>
    public static void Save(RadiomicsPreprocessing parameters, string path) =>
        DurableFile.WriteAllText(path, JsonSerializer.Serialize(parameters));

    /// <summary>Reads parameters written by <see cref="Save"/>.</summary>
    public static RadiomicsPreprocessing Load(string path) =>
        JsonSerializer.Deserialize<RadiomicsPreprocessing>(File.ReadAllText(path))
        ?? throw new InvalidDataException($"{path}: empty radiomics preprocessing file");
}
