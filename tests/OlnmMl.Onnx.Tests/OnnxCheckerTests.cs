using System.Diagnostics;
using System.Globalization;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Tests.Networks;
using Xunit.Abstractions;

namespace OlnmMl.Onnx.Tests;

/// <summary>
/// Our ONNX files against the reference checker of the oldest ONNX we meet, Debian 12's <c>python3-onnx</c> 1.12
/// (IR 8, opset 17): its full check and strict shape inference. Skipped with a message where no Python has
/// <c>onnx</c> (the checker is a tool, not shared data: CI machines need not have it), failed instead under
/// <c>OLNM_REQUIRE_ONNX_CHECKER=1</c>.
/// </summary>
public sealed class OnnxCheckerTests(ITestOutputHelper output) : IDisposable
{
    private const string RequireVariable = "OLNM_REQUIRE_ONNX_CHECKER";
    private const string Check =
        "import onnx,sys; m=onnx.load(sys.argv[1]); onnx.checker.check_model(m, full_check=True); "
        + "onnx.shape_inference.infer_shapes(m, strict_mode=True); print('onnx', onnx.__version__, 'IR', m.ir_version)";

    private static readonly Lazy<string?> Python = new(FindPythonWithOnnx);
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-onnx-check-").FullName;

    [SkippableTheory]
    [InlineData("svm: {kernel: rbf, gamma: scale, c: 1.0}")]
    [InlineData("fasttree: {number_of_trees: 20, number_of_leaves: 8, minimum_example_count_per_leaf: 5}")]
    [InlineData("lightgbm: {number_of_trees: 20, number_of_leaves: 8, minimum_example_count_per_leaf: 5}")]
    public void A_tabular_pipeline_export_passes_the_onnx_checker(string trainer)
    {
        var python = RequirePython();
        var yaml = Path.Combine(_folder, "pipeline.yaml");
        File.WriteAllText(yaml, $"name: test\nseed: 0\nsteps:\n  - normalize: mean-variance\n  - select: {{method: decision-tree, top_k: 3}}\n  - {trainer}\n");
        var train = Path.Combine(_folder, "train.csv");
        var rows = TabularData.Make(120, seed: 5).Select((r, i) =>
            $"case{i}," + string.Join(",", r.Features.Select(v => v.ToString("R", CultureInfo.InvariantCulture))) + (r.Label ? ",1" : ",0"));
        File.WriteAllLines(train, rows.Prepend("id," + string.Join(",", TabularData.FeatureNames) + ",pN"));
        TabularTraining.Train(yaml, train, "pN", Path.Combine(_folder, "model"));
        var onnx = Path.Combine(_folder, "tabular.onnx");
        OnnxModelExport.ExportModelDirectory(Path.Combine(_folder, "model"), onnx);

        AssertChecked(python, onnx);
    }

    [SkippableTheory]
    [InlineData("basic+pet/learnable-add/softmax")]
    [InlineData("torch/concat*")]
    public void A_fused_network_export_passes_the_onnx_checker(string variant)
    {
        var python = RequirePython();
        var onnx = Path.Combine(_folder, "fused.onnx");
        FusedModelExporter.Export(FusedModelParityTests.Build(variant).Definition, new OnnxModelMetadata { Pipeline = variant }, onnx);

        AssertChecked(python, onnx);
    }

    private void AssertChecked(string python, string onnx)
    {
        var start = new ProcessStartInfo(python) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in new[] { "-c", Check, onnx })
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        output.WriteLine(stdout.Result + stderr);
        Assert.True(process.ExitCode == 0, $"onnx checker refused {Path.GetFileName(onnx)}:\n{stderr}");
    }

    private static string RequirePython()
    {
        if (Python.Value is { } python)
        {
            return python;
        }

        var message = "No Python with the onnx package (tried python3 and /usr/bin/python3); install it with "
            + "'apt-get install python3-onnx' (Debian 12: onnx 1.12) or 'pip install onnx'.";
        if (Environment.GetEnvironmentVariable(RequireVariable) == "1")
        {
            throw new InvalidOperationException(message + " " + RequireVariable + "=1 requires it.");
        }

        throw new SkipException(message);
    }

    private static string? FindPythonWithOnnx()
    {
        foreach (var candidate in new[] { "python3", "/usr/bin/python3" })
        {
            try
            {
                var start = new ProcessStartInfo(candidate, ["-c", "import onnx"]) { RedirectStandardOutput = true, RedirectStandardError = true };
                using var process = Process.Start(start)!;
                process.StandardError.ReadToEnd();
                process.WaitForExit();
                if (process.ExitCode == 0)
                {
                    return candidate;
                }
            }
            catch (System.ComponentModel.Win32Exception)
            {
                // Not installed under that name: try the next.
            }
        }

        return null;
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
