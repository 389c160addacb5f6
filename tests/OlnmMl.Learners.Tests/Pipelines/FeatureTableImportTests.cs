using System.Globalization;
using System.Text.Json.Nodes;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

/// <summary><see cref="FeatureTableImport"/>: which columns are features, the training median, and the spellings of a missing cell.</summary>
public sealed class FeatureTableImportTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-import-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void EveryMissingSpellingTakesTheMedianOfTheFiniteTrainingCells()
    {
        // Finite cells of a: 1, 2, 10, 4 → median (2 + 4) / 2 = 3; b's finite cells 5, 7, 6 → 6 (odd count).
        var path = Write("id,y,a,b\np1,1,1,5\np2,0,2,nan\np3,1,10,-inf\np4,0,,7\np5,1,4,Infinity\np6,0,NaN,6\n");

        var import = FeatureTableImport.ForTraining(path, new FeatureTableOptions { LabelColumn = "y" });

        Assert.Equal([3f, 6f], import.Medians);
        Assert.Equal([1f, 2f, 10f, 3f, 4f, 3f], import.Table.Rows.Select(r => r[0]));
        Assert.Equal([5f, 6f, 6f, 7f, 6f, 6f], import.Table.Rows.Select(r => r[1]));
        Assert.Equal($"{path}: non-finite values replaced by the training median: a (line 5, 7 → 3); b (line 3, 4, 6 → 6)", import.Notes[1]);
    }

    [Fact]
    public void GlobsMatchWholeNamesCaseSensitively()
    {
        Assert.True(FeatureTableOptions.Matches("original_*", "original_firstorder_Mean"));
        Assert.True(FeatureTableOptions.Matches("wavelet-???_*", "wavelet-LLH_glcm_Contrast"));
        Assert.False(FeatureTableOptions.Matches("original_*", "log-sigma-1-0-mm-3D_original_x"));
        Assert.False(FeatureTableOptions.Matches("Original_*", "original_firstorder_Mean"));
        Assert.False(FeatureTableOptions.Matches("a.b", "axb"));
    }

    [Fact]
    public void ATableWithNoNumericFeatureLeftIsOneLineSayingWhy()
    {
        var path = Write("id,y,Image,diagnostics_x\np1,1,a.nii,3\np2,0,b.nii,4\n");

        var error = Assert.Throws<FeatureTableException>(() => FeatureTableImport.ForTraining(path, new FeatureTableOptions { LabelColumn = "y" }));

        Assert.Equal($"Feature table '{path}' has no numeric feature column left (id/label/cohort: id, y; Image: Image; diagnostics_*: diagnostics_x).", error.Message);
    }

    [Fact]
    public void AnEmptyIdColumnNameMeansTheFirstColumnWhichIsNeverAFeature()
    {
        var path = Write("PatientNo,y,a\n101,1,0.5\n102,0,0.25\n");

        var import = FeatureTableImport.ForTraining(path, new FeatureTableOptions { IdColumn = "", LabelColumn = "y" });

        Assert.Equal(["101", "102"], import.Table.Ids);
        Assert.Equal(["a"], import.Table.FeatureNames);
        Assert.Equal("PatientNo", import.Carried[0].Name);
    }

    [Fact]
    public void ScoringWithoutTrainingMediansRefusesANonFiniteCellNamingLineAndColumn()
    {
        var path = Write("id,a\np1,1\np2,nan\n");

        var error = Assert.Throws<FeatureTableException>(() => FeatureTableImport.ForScoring(path, new FeatureTableOptions(), ["a"], medians: null));

        Assert.StartsWith($"{path}: line 3, feature column 'a'", error.Message);
    }

    [Fact]
    public void TheModelKeepsTheTrainingMediansAndRefusesMediansThatDoNotFitItsFeatures()
    {
        var rows = Enumerable.Range(0, 30).Select(i => string.Create(CultureInfo.InvariantCulture, $"p{i},{i % 2},{(i == 4 ? "nan" : (i % 7) + (0.5 * (i % 2)))},{i % 5}"));
        var train = Write("id,y,a,b\n" + string.Join("\n", rows) + "\n");
        var model = Path.Combine(_directory, "model");
        TabularTraining.Train(PipelineFiles.Pipeline("clinical-logistic.yaml"), train, "y", model);
        var manifestPath = Path.Combine(model, "model.json");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        Assert.Equal([3f, 2f], manifest["medians"]!.AsArray().Select(m => m!.GetValue<float>()));

        manifest["medians"] = new JsonArray(3f);
        File.WriteAllText(manifestPath, manifest.ToJsonString());
        var error = Assert.Throws<FeatureTableException>(() => TabularPrediction.Predict(model, train, Path.Combine(_directory, "s.csv")));

        Assert.Equal($"{manifestPath}: 1 medians for 2 features, or one not finite; retrain the model.", error.Message);
    }

    private string Write(string csv)
    {
        var path = Path.Combine(_directory, $"t-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        return path;
    }
}
