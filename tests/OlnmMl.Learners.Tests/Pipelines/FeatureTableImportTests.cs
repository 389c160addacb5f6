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
    public void ScoringWithoutTrainingMediansRefusesANonFiniteCellNamingLineAndColumn()
    {
        var path = Write("id,a\np1,1\np2,nan\n");

        var error = Assert.Throws<FeatureTableException>(() => FeatureTableImport.ForScoring(path, new FeatureTableOptions(), ["a"], medians: null));

        Assert.StartsWith($"{path}: line 3, feature column 'a'", error.Message);
    }

    private string Write(string csv)
    {
        var path = Path.Combine(_directory, $"t-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, csv);
        return path;
    }
}
