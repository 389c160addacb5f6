using System.Globalization;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Tests.Clinical;

/// <summary>Data/clinical: the simulated cohort and R's glm(family = binomial) results (see make_fixture.R there).</summary>
internal static class GlmFixture
{
    public static readonly string[] Candidates = ["age", "diameter", "male", "density", "noise"];

    private static string Folder => Path.Combine(AppContext.BaseDirectory, "Data", "clinical");

    /// <summary>The cohort as a matrix of the five candidates and the outcome.</summary>
    public static DenseFeatureMatrix Cohort()
    {
        var lines = File.ReadAllLines(Path.Combine(Folder, "cohort.csv")).Skip(1).Select(l => l.Split(',').Select(Number).ToArray()).ToArray();
        var values = lines.SelectMany(r => r.Take(Candidates.Length)).ToArray();
        var labels = lines.Select(r => r[Candidates.Length] == 1).ToArray();
        return new DenseFeatureMatrix(values, lines.Length, Candidates.Length, labels, Candidates);
    }

    /// <summary>R's rows of one model block ("univariable", "multivariable", "backward"): term → (β, SE, z, p).</summary>
    public static IReadOnlyList<(string Term, double Estimate, double StandardError, double Z, double P)> Glm(string model) =>
        [.. File.ReadAllLines(Path.Combine(Folder, "glm.csv")).Skip(1).Select(l => l.Split(','))
            .Where(f => f[0] == model)
            .Select(f => (f[1], Number(f[2]), Number(f[3]), Number(f[4]), Number(f[5])))];

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);
}
