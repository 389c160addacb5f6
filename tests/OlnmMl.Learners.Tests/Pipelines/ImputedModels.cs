using Microsoft.ML;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

/// <summary>Twelve training rows with a NaN and a +∞, and a model fitted on an IDataView that has them.</summary>
internal static class ImputedModels
{
    // Slot 0 without row 1's NaN: 0, 1, 1.5, …, 5.5 (11 values), median 3.
    // Slot 1 without row 4's +∞: 0, 0.1, 0.2, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8, 1 (11 values), median 0.4.
    public static readonly float[][] X =
        [[0.0f, 1.0f], [float.NaN, 0.2f], [1.0f, 0.8f], [1.5f, 0.1f], [2.0f, float.PositiveInfinity], [2.5f, 0.4f], [3.0f, 0.7f], [3.5f, 0.3f], [4.0f, 0.6f], [4.5f, 0.0f], [5.0f, 0.5f], [5.5f, 0.2f]];

    public static readonly bool[] Y = [.. new[] { 0, 0, 0, 1, 0, 0, 1, 0, 1, 1, 1, 1 }.Select(v => v == 1)];

    /// <summary>Fits <paramref name="pipeline"/> on <paramref name="train"/> (which a <see cref="FeatureTable"/> would refuse: it has non-finite cells).</summary>
    public static TabularModel Fit(MLContext ml, TabularPipeline pipeline, IDataView train)
    {
        var fitted = pipeline.Fit(ml, train);
        var manifest = new TabularModelManifest { FormatVersion = TabularModel.FormatVersion, Pipeline = pipeline.Name, Features = ["x0", "x1"] };
        return new TabularModel(manifest, [.. fitted.Select(f => (f.Step.Kind, f.Transformer, f.InputSchema))], TabularPipelineYaml.Write(pipeline));
    }
}
