using System.Globalization;
using System.Text;

namespace OlnmMl.Learners.Tests.Pipelines;

/// <summary>Locates the repository's pipelines/ folder and writes synthetic feature-table CSVs.</summary>
internal static class PipelineFiles
{
    public static string Pipeline(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "pipelines", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException($"pipelines/{name} not found above {AppContext.BaseDirectory}");
    }

    public static string TempDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "olnm-learners-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>A CSV with columns id, pN and f0…f(d−1) (f0–f2 informative), optionally with a label column.</summary>
    public static string WriteTable(string dir, string name, int n, int d, int seed, bool withLabel = true, double shift = 1.0)
    {
        var (x, y) = TestData.Gaussian(n, d, 3, shift, seed);
        var sb = new StringBuilder("id");
        if (withLabel) sb.Append(",pN");
        for (int j = 0; j < d; j++) sb.Append(",f").Append(j);
        sb.AppendLine();
        for (int i = 0; i < n; i++)
        {
            sb.Append("case-").Append(i);
            if (withLabel) sb.Append(',').Append(y[i] ? 1 : 0);
            foreach (var v in x[i]) sb.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            sb.AppendLine();
        }
        var path = Path.Combine(dir, name);
        File.WriteAllText(path, sb.ToString());
        return path;
    }
}
