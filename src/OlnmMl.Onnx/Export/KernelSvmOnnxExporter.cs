using Microsoft.ML;
using OlnmMl.Learners.Svm;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Exports OlnmMl.Learners' <see cref="KernelSvmPredictionTransformer"/> as explicit kernel
/// arithmetic: score f(x) = Σₛ cₛ k(svₛ, x) + b (Gemm of the kernel matrix with the dual
/// coefficients), probability = 1 / (1 + exp(A f + B)) with the fitted Platt A, B, or σ(f)
/// when no Platt fit exists — the same rule as <see cref="KernelSvmModelParameters.Probability"/>.
/// </summary>
public sealed class KernelSvmOnnxExporter : ITransformerOnnxExporter
{
    /// <inheritdoc />
    public bool CanExport(ITransformer transformer) => transformer is KernelSvmPredictionTransformer;

    /// <inheritdoc />
    public void Export(ITransformer transformer, OnnxExportContext context)
    {
        var svm = (KernelSvmPredictionTransformer)transformer;
        var model = svm.Model;
        var (features, width) = context.Column(svm.FeatureColumnName);
        if (width != model.FeatureCount)
        {
            throw new InvalidOperationException(
                $"Kernel SVM expects {model.FeatureCount} features but column '{svm.FeatureColumnName}' has {width}.");
        }

        var g = context.Graph;
        var m = model.SupportVectorCount;
        var supportVectors = ToFloat(model.SupportVectors.Span);
        var kernel = KernelOps.KernelMatrix(g, features, supportVectors, m, width, model.Kernel, "svm_kernel");
        var coefficients = g.AddInitializer("svm_dual_coefficients", ToFloat(model.DualCoefficients.Span), [m, 1]);
        var bias = g.AddInitializer("svm_bias", [(float)model.Bias], [1]);
        var column = g.AddNode("Gemm", [kernel, coefficients, bias], "svm_score_column");
        context.Score = TabularOps.Flatten(g, column, "svm_score");
        context.Probability = model.HasProbability
            ? TabularOps.Platt(g, context.Score, model.PlattA, model.PlattB, "svm_probability")
            : g.AddNode("Sigmoid", [context.Score], "svm_probability");
    }

    private static float[] ToFloat(ReadOnlySpan<double> values)
    {
        var result = new float[values.Length];
        for (var i = 0; i < values.Length; i++)
        {
            result[i] = (float)values[i];
        }

        return result;
    }
}
