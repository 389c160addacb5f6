using OlnmMl.Tests.Shared;
using System.Globalization;
using System.Text;

namespace OlnmMl.Cli.Tests.Processes;

/// <summary>
/// The reliability issue's full-disk matrix, on a real 8 MiB tmpfs with the real <c>olnm</c> process:
/// after every output exists, the disk is filled, and each command run again must fail with one line
/// naming its output while the previous output stays byte-identical (before DurableFile: a truncated
/// model.onnx, a 0-byte scores.csv, truncated JSON, a 0-byte step in the model folder).
/// </summary>
public sealed class FullDiskTests
{
    [SkippableFact]
    public void OnAFullDiskEveryCommandFailsNamingItsOutputAndKeepsThePreviousOne()
    {
        using var disk = SmallTmpfs.TryMount(8);
        Skip.If(disk is null, "needs root and mount to create a small tmpfs (run the tests as root to include this check)");
        var root = disk!.Root;
        var table = Path.Combine(root, "features.csv");
        File.WriteAllText(table, FeatureTable(rows: 60, features: 12));
        var pipeline = Path.Combine(Repository.Root, "pipelines", "radiomics-svm.yaml");
        var model = Path.Combine(root, "model");
        var onnx = Path.Combine(root, "model.onnx");
        var scores = Path.Combine(root, "scores.csv");
        var stats = Path.Combine(root, "stats.json");
        string[][] commands =
        [
            ["train", "--pipeline", pipeline, "--train", table, "--label", "y", "--out", model],
            ["export", "--model", model, "--out", onnx],
            ["predict", "--model", model, "--data", table, "--out", scores],
            ["stats", "roc", "--data", table, "--label", "y", "--score", "f0", "--out", stats],
        ];
        foreach (var command in commands)
        {
            var (code, _, error) = OlnmProcess.Run(command);
            Assert.True(code == 0, $"olnm {string.Join(' ', command)} failed on a free disk: {error}");
        }

        var before = Snapshot(root);
        Fill(Path.Combine(root, "filler.bin"));
        var outputs = new[] { model, onnx, scores, stats };
        for (var i = 0; i < commands.Length; i++)
        {
            var (code, _, error) = OlnmProcess.Run(commands[i]);
            Assert.Equal(1, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains(outputs[i], line);
            Assert.DoesNotContain("unexpected", line);
        }

        File.Delete(Path.Combine(root, "filler.bin"));
        Assert.Equal(before, Snapshot(root));
    }

    private static string FeatureTable(int rows, int features)
    {
        var random = new Random(5);
        var text = new StringBuilder("id,y," + string.Join(',', Enumerable.Range(0, features).Select(j => $"f{j}")) + "\n");
        for (var i = 0; i < rows; i++)
        {
            var y = i % 2;
            text.Append(CultureInfo.InvariantCulture, $"case{i},{y}");
            for (var j = 0; j < features; j++)
            {
                text.Append(CultureInfo.InvariantCulture, $",{(j < 3 ? y : 0) + random.NextDouble():R}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }

    /// <summary>Every file under <paramref name="root"/> (relative path → content hash), hidden temporaries included.</summary>
    private static SortedDictionary<string, string> Snapshot(string root) =>
        new(Directory.EnumerateFiles(root, "*", SearchOption.AllDirectories).ToDictionary(
            f => Path.GetRelativePath(root, f),
            f => Convert.ToHexString(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(f)))), StringComparer.Ordinal);

    /// <summary>Writes <paramref name="path"/> until not one more byte fits (blocks of 64 KiB down to 1 byte).</summary>
    private static void Fill(string path)
    {
        using var filler = new FileStream(path, FileMode.Create, FileAccess.Write, FileShare.None, bufferSize: 1);
        foreach (var size in new[] { 64 << 10, 4 << 10, 512, 1 })
        {
            var block = new byte[size];
            try
            {
                while (true)
                {
                    filler.Write(block);
                }
            }
            catch (IOException)
            {
                // ENOSPC at this block size: try a smaller one
            }
        }
    }
}

/// <summary>The repository holding this test build.</summary>
internal static class Repository
{
    public static string Root
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OlnmMl.sln")))
            {
                directory = directory.Parent;
            }

            return directory?.FullName ?? throw new DirectoryNotFoundException($"No folder holding OlnmMl.sln above {AppContext.BaseDirectory}");
        }
    }
}
