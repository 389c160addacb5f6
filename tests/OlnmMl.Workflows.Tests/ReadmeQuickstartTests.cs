using System.Globalization;
using System.Text.RegularExpressions;

namespace OlnmMl.Workflows.Tests;

// README quickstart: begin
using Microsoft.ML;
using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.MLNet;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;

public static class Quickstart
{
    // Tables: CSV with an "id" column, a 0/1 "label" column and numeric feature columns.
    public static (CrossCohortSummary Summary, float[] InProcess, float[] Onnx) Run(string trainCsv, string externalCsv, string folder)
    {
        var ml = new MLContext(seed: 0);

        // Compose: z-score, keep the 3 mRMR-best features, RBF SVM with Platt probabilities.
        var pipeline = new TabularPipelineBuilder("radiomics-svm")
            .NormalizeMeanVariance()
            .Select(new MrmrSelectionOptions { TopK = 3 })
            .KernelSvm(new KernelSvmOptions { Kernel = KernelType.Rbf, C = 1.0 })
            .Build();

        // Fit on the training cohort only; the external table is read with the training feature list.
        var train = FeatureTable.Load(trainCsv, labelColumn: "label");
        var external = FeatureTable.Load(externalCsv, labelColumn: "label", featureNames: train.FeatureNames);
        var model = TabularTraining.Train(pipeline, train, labelColumn: "label");

        // Evaluate: Youden cut-off fitted on training, carried unchanged to the external cohort.
        var summary = ml.BinaryClassification.EvaluateAcrossCohorts(
            "radiomics-svm",
            ("training", model.Transform(train.ToDataView(ml))),
            [("external", model.Transform(external.ToDataView(ml)))]);

        // Save the model folder, export it to ONNX, score the external cohort in ONNX Runtime and in process.
        var modelFolder = Path.Combine(folder, "model");
        model.Save(ml, modelFolder);
        var onnxPath = Path.Combine(folder, "model.onnx");
        OnnxModelExport.ExportModelDirectory(modelFolder, onnxPath);
        using var scorer = new OnnxScorer(onnxPath);
        var onnx = scorer.Predict([.. external.Rows.SelectMany(row => row)], [external.Rows.Count, external.FeatureNames.Count]);

        var inProcess = TabularPrediction.Score(ml, model, external).Select(score => score.Probability);
        return (summary, [.. inProcess], onnx);
    }
}
// README quickstart: end

/// <summary>The top README's C# quickstart: the code above, run on a separable toy table, and kept equal to the README.</summary>
public sealed class ReadmeQuickstartTests : IDisposable
{
    private const string Begin = "// README quickstart: begin";
    private const string End = "// README quickstart: end";

    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-quickstart-").FullName;

    [Fact]
    public void Quickstart_separates_a_separable_table_and_onnx_reproduces_it()
    {
        var trainCsv = WriteTable("train.csv", rows: 120, seed: 1);
        var externalCsv = WriteTable("external.csv", rows: 60, seed: 2);

        var (summary, inProcess, onnx) = Quickstart.Run(trainCsv, externalCsv, _folder);

        Assert.Equal(new[] { "training", "external" }, summary.Cohorts.Select(c => c.Cohort));
        Assert.All(summary.Cohorts, c => Assert.True(c.Auc.Auc > 0.9, $"{c.Cohort}: AUC {c.Auc.Auc}"));
        Assert.All(summary.Cohorts, c => Assert.Equal(summary.TrainingCutoff.Threshold, c.AtTrainingCutoff.Threshold));
        var counts = summary.Cohorts[1].AtTrainingCutoff.Counts;
        Assert.Equal(60, counts.TruePositives + counts.FalsePositives + counts.TrueNegatives + counts.FalseNegatives);
        Assert.Equal(60, onnx.Length);
        Assert.Equal(inProcess.Length, onnx.Length);
        var maxDelta = inProcess.Zip(onnx, (a, b) => Math.Abs(a - b)).Max();
        Assert.True(maxDelta <= 1e-5, $"max |ONNX − in-process| = {maxDelta}");
        Assert.True(File.Exists(Path.Combine(_folder, "model", "model.json")));
    }

    [Fact]
    public void Readme_quickstart_is_the_tested_code()
    {
        var root = RepositoryRoot();
        var source = File.ReadAllText(Path.Combine(root, "tests", "OlnmMl.Workflows.Tests", "ReadmeQuickstartTests.cs")).Replace("\r\n", "\n");
        var region = Regex.Match(source, $"\n{Begin}\n(.*?)\n{End}\n", RegexOptions.Singleline);
        var readme = Regex.Match(File.ReadAllText(Path.Combine(root, "README.md")).Replace("\r\n", "\n"), "\n```csharp\n(.*?)\n```\n", RegexOptions.Singleline);

        Assert.True(region.Success, $"The test file has no region between '{Begin}' and '{End}'.");
        Assert.True(readme.Success, "README.md has no ```csharp block.");
        Assert.Equal(Lines(region.Groups[1].Value), Lines(readme.Groups[1].Value));
    }

    /// <summary>The lines without their indentation (and trailing blanks), so a README may indent the block differently.</summary>
    private static string[] Lines(string text) => [.. text.Split('\n').Select(line => line.Trim())];

    /// <summary>
    /// A table whose label is the sign of a noisy linear score of the first two of five features (the other three
    /// are noise): separable enough for an AUC well above 0.9.
    /// </summary>
    private string WriteTable(string name, int rows, int seed)
    {
        var random = new Random(seed);
        var lines = new List<string> { "id,label,f0,f1,f2,f3,f4" };
        for (int i = 0; i < rows; i++)
        {
            var x = Enumerable.Range(0, 5).Select(_ => random.NextDouble() * 2 - 1).ToArray();
            var label = x[0] + 0.5 * x[1] + 0.1 * (random.NextDouble() - 0.5) > 0;
            lines.Add($"{name}-{i},{(label ? 1 : 0)}," + string.Join(",", x.Select(v => v.ToString("R", CultureInfo.InvariantCulture))));
        }

        var path = Path.Combine(_folder, name);
        File.WriteAllLines(path, lines);
        return path;
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OlnmMl.sln"))) directory = directory.Parent;
        return directory?.FullName ?? throw new DirectoryNotFoundException($"No folder holding OlnmMl.sln above {AppContext.BaseDirectory}.");
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
