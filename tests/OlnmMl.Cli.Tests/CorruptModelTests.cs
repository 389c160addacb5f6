using System.Globalization;
using System.Text;
using OlnmMl.Cli.Tests.Processes;

namespace OlnmMl.Cli.Tests;

/// <summary>
/// A damaged model is one line naming the damaged file and the problem (was: "Failed to open a zip archive" or an
/// ONNX Runtime protobuf error without the file). Each file of a trained model folder, and an exported .onnx, is
/// damaged in turn: truncated to half, or overwritten with text.
/// </summary>
[Collection("console")]
public sealed class CorruptModelTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-corrupt-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [InlineData("truncate")]
    [InlineData("text")]
    public void EveryDamagedModelFileIsOneLineNamingIt(string damage)
    {
        var table = Path.Combine(_directory, "features.csv");
        File.WriteAllText(table, FeatureTable());
        var pipeline = Path.Combine(Repository.Root, "pipelines", "radiomics-svm.yaml");
        var model = Path.Combine(_directory, "model");
        var onnx = Path.Combine(_directory, "model.onnx");
        Assert.Equal(0, InProcessOlnm.Run("train", "--pipeline", pipeline, "--train", table, "--label", "y", "--out", model).ExitCode);
        Assert.Equal(0, InProcessOlnm.Run("export", "--model", model, "--out", onnx).ExitCode);

        var files = Directory.GetFiles(model).Where(f => Path.GetExtension(f) is ".zip" or ".bin" or ".json").Append(onnx).ToArray();
        Assert.Contains(files, f => f.EndsWith(".zip", StringComparison.Ordinal));
        foreach (var file in files)
        {
            var original = File.ReadAllBytes(file);
            File.WriteAllBytes(file, damage == "truncate" ? original[..(original.Length / 2)] : Encoding.ASCII.GetBytes("not a model\n"));
            try
            {
                var (code, _, error) = InProcessOlnm.Run("predict", "--model", file == onnx ? onnx : model, "--data", table, "--out", Path.Combine(_directory, "scores.csv"));
                Assert.Equal(1, code);
                var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
                Assert.Contains(file, line);
                Assert.DoesNotContain("unexpected", line);
            }
            finally
            {
                File.WriteAllBytes(file, original);
            }
        }
    }

    private static string FeatureTable()
    {
        var random = new Random(5);
        var text = new StringBuilder("id,y," + string.Join(',', Enumerable.Range(0, 8).Select(j => $"f{j}")) + "\n");
        for (var i = 0; i < 40; i++)
        {
            var y = i % 2;
            text.Append(CultureInfo.InvariantCulture, $"case{i},{y}");
            for (var j = 0; j < 8; j++)
            {
                text.Append(CultureInfo.InvariantCulture, $",{(j < 3 ? y : 0) + random.NextDouble():R}");
            }

            text.Append('\n');
        }

        return text.ToString();
    }
}
