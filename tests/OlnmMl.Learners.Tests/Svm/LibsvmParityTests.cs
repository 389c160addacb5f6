using System.Globalization;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Tests.Svm;

/// <summary>
/// The kernel SVM against LIBSVM's own published run on its heart_scale example (see Data/README.md):
/// <c>svm-train heart_scale</c> → obj = −100.877288, ρ = 0.424462, nSV = 132, nBSV = 107, 162 iterations.
/// </summary>
public class LibsvmParityTests
{
    [Fact]
    public void HeartScale_DefaultRbf_MatchesLibsvmsPublishedSolution()
    {
        var (x, y) = ReadLibsvm(Path.Combine(AppContext.BaseDirectory, "Data", "heart_scale"), 13);
        var options = new KernelSvmOptions { Kernel = KernelType.Rbf, Gamma = SvmGamma.Auto, C = 1, Probability = false };

        var model = KernelSvmFitter.Fit(x, y, 13, Enumerable.Range(1, 13).Select(j => $"a{j}").ToArray(), options);

        var coef = model.DualCoefficients.ToArray();
        Assert.Equal(132, model.SupportVectorCount);
        Assert.Equal(107, coef.Count(c => Math.Abs(c) >= 1 - 1e-12));
        Assert.Equal(-0.424462, model.Bias, 4);
        // Dual objective ½ αᵀQα − eᵀα = ½ Σ_s Σ_t c_s c_t k(sv_s, sv_t) − Σ_s |c_s|.
        double quadratic = 0;
        for (int s = 0; s < coef.Length; s++)
            for (int t = 0; t < coef.Length; t++)
                quadratic += coef[s] * coef[t] * model.Kernel.Evaluate(model.SupportVector(s), model.SupportVector(t));
        Assert.Equal(-100.877288, 0.5 * quadratic - coef.Sum(Math.Abs), 3);
    }

    [Fact]
    public void HeartScale_SolverTakesLibsvmsIterationCount()
    {
        var (x, y) = ReadLibsvm(Path.Combine(AppContext.BaseDirectory, "Data", "heart_scale"), 13);
        var labels = y.Select(l => l ? (sbyte)1 : (sbyte)-1).ToArray();
        var problem = new SvmProblem(x, y.Length, 13, labels, new Kernel(KernelType.Rbf, 1.0 / 13, 3, 0), 100 << 20);
        var solver = new SmoSolver(problem, Enumerable.Repeat(1.0, y.Length).ToArray(), 1e-3, shrinking: true);

        var (_, rho) = solver.Solve(10_000_000);

        Assert.Equal(162, solver.Iterations);
        Assert.Equal(0.424462, rho, 5);
    }

    private static (double[] X, bool[] Y) ReadLibsvm(string path, int d)
    {
        var x = new List<double>();
        var y = new List<bool>();
        foreach (var line in File.ReadLines(path))
        {
            var parts = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            y.Add(double.Parse(parts[0], CultureInfo.InvariantCulture) > 0);
            var row = new double[d];
            foreach (var pair in parts.Skip(1))
            {
                var colon = pair.IndexOf(':');
                row[int.Parse(pair[..colon], CultureInfo.InvariantCulture) - 1] = double.Parse(pair[(colon + 1)..], CultureInfo.InvariantCulture);
            }
            x.AddRange(row);
        }
        return ([.. x], [.. y]);
    }
}
