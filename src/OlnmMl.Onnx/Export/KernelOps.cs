using OlnmMl.Learners.Svm;
using OlnmMl.Onnx.Graph;

namespace OlnmMl.Onnx.Export;

/// <summary>Explicit kernel arithmetic: the kernel matrix K[n, s] = k(xₙ, svₛ) of a feature matrix against support vectors.</summary>
internal static class KernelOps
{
    /// <summary>
    /// K for X [N,d] and support vectors [m,d]: RBF exp(−γ‖x − sv‖²) from explicit differences
    /// (no ‖x‖² − 2x·sv + ‖sv‖² cancellation); linear x·sv; polynomial (γ x·sv + c₀)^degree;
    /// sigmoid tanh(γ x·sv + c₀). Returns a [N,m] value.
    /// </summary>
    public static string KernelMatrix(OnnxGraphBuilder g, string x, float[] supportVectors, int m, int d, Kernel kernel, string hint)
    {
        if (kernel.Type == KernelType.Rbf)
        {
            var sv3 = g.AddInitializer(hint + "_support_vectors", supportVectors, [1, m, d]);
            var axis1 = g.AddInitializer(hint + "_axis1", [1L], [1]);
            var axis2 = g.AddInitializer(hint + "_axis2", [2L], [1]);
            var x3 = g.AddNode("Unsqueeze", [x, axis1], hint + "_x3");
            var diff = g.AddNode("Sub", [x3, sv3], hint + "_diff");
            var sq = g.AddNode("Mul", [diff, diff], hint + "_sq");
            var dist = g.AddNode("ReduceSum", [sq, axis2], hint + "_dist2", OnnxAttribute.Int("keepdims", 0));
            var negGamma = g.AddScalar(hint + "_neg_gamma", (float)-kernel.Gamma);
            return g.AddNode("Exp", [g.AddNode("Mul", [dist, negGamma], hint + "_arg")], hint);
        }

        var transposed = new float[d * m];
        for (var s = 0; s < m; s++)
        {
            for (var j = 0; j < d; j++)
            {
                transposed[(j * m) + s] = supportVectors[(s * d) + j];
            }
        }

        var svT = g.AddInitializer(hint + "_support_vectors_t", transposed, [d, m]);
        var dot = g.AddNode("MatMul", [x, svT], hint + "_dot");
        if (kernel.Type == KernelType.Linear)
        {
            return dot;
        }

        var gamma = g.AddScalar(hint + "_gamma", (float)kernel.Gamma);
        var coef0 = g.AddScalar(hint + "_coef0", (float)kernel.Coef0);
        var affine = g.AddNode("Add", [g.AddNode("Mul", [dot, gamma], hint + "_scaled"), coef0], hint + "_affine");
        return kernel.Type switch
        {
            KernelType.Polynomial => g.AddNode("Pow", [affine, g.AddScalar(hint + "_degree", kernel.Degree)], hint),
            KernelType.Sigmoid => g.AddNode("Tanh", [affine], hint),
            _ => throw new NotSupportedException($"Kernel type {kernel.Type} has no ONNX form."),
        };
    }
}
