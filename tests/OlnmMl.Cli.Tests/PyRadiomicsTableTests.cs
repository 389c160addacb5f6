using System.Globalization;
using System.Text.Json;

namespace OlnmMl.Cli.Tests;

/// <summary>
/// <c>olnm train</c> and <c>olnm predict</c> on a table shaped like PyRadiomics batch output (its own id column name,
/// quoted paths, <c>diagnostics_*</c> columns, a text column, a NaN and an empty cell), as a user has it: no editing.
/// </summary>
[Collection("console")]
public sealed class PyRadiomicsTableTests : IDisposable
{
    private const int Cases = 40;
    private static readonly string[] Features = ["original_shape_Sphericity", "original_firstorder_Mean", "original_glcm_Contrast"];
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-pyradiomics-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void APyRadiomicsTableTrainsAndPredictsAsItsCleanedNumericTable()
    {
        var (pyradiomics, clean) = (Path.Combine(_directory, "pyradiomics.csv"), Path.Combine(_directory, "clean.csv"));
        WriteTables(pyradiomics, clean);

        var (code, output, error) = Olnm("train", "--pipeline", Pipeline(), "--train", pyradiomics, "--label", "pN", "--id", "ID", "--out", Dir("model"));
        var (cleanCode, _, cleanError) = Olnm("train", "--pipeline", Pipeline(), "--train", clean, "--label", "pN", "--out", Dir("clean-model"));

        Assert.True(code == 0, error);
        Assert.True(cleanCode == 0, cleanError);
        var notes = output.Split('\n').Where(l => l.StartsWith("note: ", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, notes.Count);
        Assert.Equal(
            $"note: {pyradiomics}: 10 of 13 columns are not features: id/label/cohort: ID, pN, cohort; Image: Image; Mask: Mask; Label: Label; "
            + "diagnostics_*: diagnostics_Versions_PyRadiomics, diagnostics_Mask-original_VoxelNum; not numeric: reader_note; no finite value: empty_feature",
            notes[0]);
        Assert.Equal($"note: {pyradiomics}: non-finite values replaced by the training median: original_firstorder_Mean (line 5, 9 → {Median(1).ToString("R", CultureInfo.InvariantCulture)})", notes[1]);
        Assert.Equal(Features, ModelFeatures("model"));

        var (p1, _, e1) = Olnm("predict", "--model", Dir("model"), "--data", pyradiomics, "--out", Dir("scores.csv"));
        var (p2, _, e2) = Olnm("predict", "--model", Dir("clean-model"), "--data", clean, "--out", Dir("clean-scores.csv"));
        Assert.True(p1 == 0 && p2 == 0, e1 + e2);
        var scores = File.ReadAllLines(Dir("scores.csv"));
        var cleanScores = File.ReadAllLines(Dir("clean-scores.csv"));
        Assert.Equal("id,pN,cohort,score,probability,predicted_label", scores[0]);
        Assert.Equal("id,pN,score,probability,predicted_label", cleanScores[0]);
        Assert.Equal(cleanScores.Skip(1).Select(l => l.Split(',')).Select(c => $"{c[0]},{c[2]},{c[3]},{c[4]}"), scores.Skip(1).Select(l => l.Split(',')).Select(c => $"{c[0]},{c[3]},{c[4]},{c[5]}"));
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void PredictKeepsLabelAndCohortSoStatsRocReadsItsScores(bool realProcess)
    {
        Func<string[], (int ExitCode, string Output, string Error)> olnm = realProcess ? OlnmProcess.Run : InProcessOlnm.Run;
        var pyradiomics = Path.Combine(_directory, "pyradiomics.csv");
        WriteTables(pyradiomics, Path.Combine(_directory, "clean.csv"));
        var renamed = Path.Combine(_directory, "renamed.csv");
        File.WriteAllLines(renamed, File.ReadAllLines(pyradiomics).Select((l, i) => i == 0 ? l.Replace("ID,", "case_id,", StringComparison.Ordinal) : l));
        Assert.Equal(0, olnm(["train", "--pipeline", Pipeline(), "--train", pyradiomics, "--label", "pN", "--id", "ID", "--out", Dir("model")]).ExitCode);

        var (code, output, error) = olnm(["predict", "--model", Dir("model"), "--data", renamed, "--id", "case_id", "--out", Dir("scores.csv")]);
        Assert.True(code == 0, error);
        Assert.Contains("replaced by the training median: original_firstorder_Mean (line 5, 9 → ", output);
        var (rocCode, rocOutput, rocError) = olnm(["stats", "roc", "--data", Dir("scores.csv"), "--label", "pN", "--score", "probability", "--cohort-column", "cohort", "--out", Dir("roc.json")]);

        Assert.True(rocCode == 0, rocError);
        Assert.Contains("train: probability AUC", rocOutput);
        Assert.Contains("test: probability AUC", rocOutput);
        Assert.StartsWith("case-00,1,train,", File.ReadAllLines(Dir("scores.csv"))[1]);
    }

    [Fact]
    public void AnExportedModelScoresThePyRadiomicsTableAsTheModelFolderDoes()
    {
        var pyradiomics = Path.Combine(_directory, "pyradiomics.csv");
        WriteTables(pyradiomics, Path.Combine(_directory, "clean.csv"));
        Assert.Equal(0, Olnm("train", "--pipeline", Pipeline(), "--train", pyradiomics, "--label", "pN", "--id", "ID", "--out", Dir("model")).ExitCode);
        Assert.Equal(0, Olnm("export", "--model", Dir("model"), "--out", Dir("model.onnx")).ExitCode);

        var (code, output, error) = Olnm("predict", "--model", Dir("model.onnx"), "--data", pyradiomics, "--out", Dir("onnx.csv"));
        Assert.Equal(0, Olnm("predict", "--model", Dir("model"), "--data", pyradiomics, "--out", Dir("folder.csv")).ExitCode);

        Assert.True(code == 0, error);
        Assert.Contains("replaced by the training median: original_firstorder_Mean (line 5, 9 → ", output);
        var onnx = File.ReadAllLines(Dir("onnx.csv"));
        var folder = File.ReadAllLines(Dir("folder.csv"));
        Assert.Equal("id,pN,cohort,score,probability", onnx[0]);
        Assert.Equal(Cases + 1, onnx.Length);
        for (var i = 1; i <= Cases; i++)
        {
            var (o, f) = (onnx[i].Split(','), folder[i].Split(','));
            Assert.Equal(f[..3], o[..3]);
            Assert.Equal(double.Parse(f[3], CultureInfo.InvariantCulture), double.Parse(o[3], CultureInfo.InvariantCulture), 1e-4);
            Assert.Equal(double.Parse(f[4], CultureInfo.InvariantCulture), double.Parse(o[4], CultureInfo.InvariantCulture), 1e-5);
        }

        Assert.Equal(0, Olnm("stats", "roc", "--data", Dir("onnx.csv"), "--label", "pN", "--score", "probability", "--cohort-column", "cohort", "--out", Dir("roc.json")).ExitCode);
    }

    [Fact]
    public void IncludeAndExcludeGlobsChooseTheFeatures()
    {
        var pyradiomics = Path.Combine(_directory, "pyradiomics.csv");
        WriteTables(pyradiomics, Path.Combine(_directory, "clean.csv"));

        var (code, output, error) = Olnm(
            "train", "--pipeline", Pipeline(), "--train", pyradiomics, "--label", "pN", "--id", "ID",
            "--include", "original_*,diagnostics_Mask-*", "--exclude", "*_glcm_*", "--out", Dir("model"));

        Assert.True(code == 0, error);
        Assert.Equal(["diagnostics_Mask-original_VoxelNum", "original_shape_Sphericity", "original_firstorder_Mean"], ModelFeatures("model"));
        Assert.Contains("--exclude *_glcm_*: original_glcm_Contrast", output);
        Assert.Contains("not in --include: Image, Mask, Label, diagnostics_Versions_PyRadiomics, reader_note, empty_feature", output);
    }

    [Fact]
    public void AWordInAFeatureColumnOfATableToScoreIsOneLineNamingFileLineAndColumn()
    {
        var pyradiomics = Path.Combine(_directory, "pyradiomics.csv");
        WriteTables(pyradiomics, Path.Combine(_directory, "clean.csv"));
        Assert.Equal(0, Olnm("train", "--pipeline", Pipeline(), "--train", pyradiomics, "--label", "pN", "--id", "ID", "--out", Dir("model")).ExitCode);
        var bad = Path.Combine(_directory, "bad.csv");
        File.WriteAllLines(bad, File.ReadAllLines(pyradiomics).Select((l, i) => i == 3 ? l.Replace(",0.", ",zero.", StringComparison.Ordinal) : l));

        var (code, _, error) = Olnm("predict", "--model", Dir("model"), "--data", bad, "--out", Dir("scores.csv"));

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith($"error: {bad}: line 4, feature column 'original_shape_Sphericity': 'zero.", line);
    }

    private static (int ExitCode, string Output, string Error) Olnm(params string[] args) => InProcessOlnm.Run(args);

    private string Dir(string name) => Path.Combine(_directory, name);

    private string[] ModelFeatures(string model)
    {
        using var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(Dir(model), "model.json")));
        return [.. manifest.RootElement.GetProperty("features").EnumerateArray().Select(e => e.GetString()!)];
    }

    private string Pipeline()
    {
        var path = Dir("pipeline.yaml");
        File.WriteAllText(path, "name: logistic\nseed: 0\nsteps:\n  - normalize: mean-variance\n  - logistic: {}\n");
        return path;
    }

    /// <summary>Feature <paramref name="j"/> of case <paramref name="i"/>: the label shifts feature 0 and 1, so the model has a signal.</summary>
    private static float Value(int i, int j) =>
        (float)Math.Round(Math.Sin((i * 7.3) + (j * 1.7)) + (j < 2 && i % 3 == 0 ? 0.8 : 0) + (10 * j), 4);

    private static bool Positive(int i) => i % 3 == 0 || i % 7 == 1;

    private static bool Missing(int i, int j) => j == 1 && i is 3 or 7;

    /// <summary>The training median of feature <paramref name="j"/> over its finite cells, as olnm train fits it.</summary>
    private static float Median(int j)
    {
        var sorted = Enumerable.Range(0, Cases).Where(i => !Missing(i, j)).Select(i => Value(i, j)).Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (float)((sorted[(sorted.Length / 2) - 1] + (double)sorted[sorted.Length / 2]) / 2);
    }

    /// <summary>The PyRadiomics-shaped table and, by hand, its cleaned numeric table (id, pN, the three features, NaNs → median).</summary>
    private static void WriteTables(string pyradiomics, string clean)
    {
        string F(float v) => v.ToString("R", CultureInfo.InvariantCulture);
        var raw = new List<string>
        {
            "ID,Image,Mask,Label,diagnostics_Versions_PyRadiomics,diagnostics_Mask-original_VoxelNum,"
            + string.Join(",", Features) + ",reader_note,empty_feature,pN,cohort",
        };
        var cleaned = new List<string> { "id,pN," + string.Join(",", Features) };
        for (var i = 0; i < Cases; i++)
        {
            var id = $"case-{i:00}";
            var cells = Enumerable.Range(0, Features.Length).Select(j => Missing(i, j) ? (i == 3 ? "nan" : "") : F(Value(i, j))).ToList();
            var cleanCells = Enumerable.Range(0, Features.Length).Select(j => F(Missing(i, j) ? Median(j) : Value(i, j)));
            var label = Positive(i) ? "1" : "0";
            raw.Add($"{id},\"/data/site A, scan {i}/image.nii.gz\",\"/data/site A, scan {i}/mask.nii.gz\",1,v3.1.0,{1000 + (i * 37 % 11)},"
                + string.Join(",", cells) + $",{(i % 2 == 0 ? "\"re-read, ok\"" : "first read")},nan,{label},{(i < 28 ? "train" : "test")}");
            cleaned.Add($"{id},{label}," + string.Join(",", cleanCells));
        }

        File.WriteAllLines(pyradiomics, raw);
        File.WriteAllLines(clean, cleaned);
    }
}
