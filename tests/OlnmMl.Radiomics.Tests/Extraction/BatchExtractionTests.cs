using OlnmMl.Imaging.IO;
using System.Globalization;
using OlnmMl.Radiomics.Extraction;

namespace OlnmMl.Radiomics.Tests.Extraction;

public sealed class BatchExtractionTests
{
    private static RadiomicsExtractor Extractor() =>
        new(TestData.LoadPreset("ibsi-digital-phantom") with { Families = ["morph", "stat"] });

    private static RadiomicsCase[] Cases(params string[] ids) =>
        ids.Select(id => new RadiomicsCase(id, TestData.PhantomImage, TestData.PhantomMask)).ToArray();

    [Fact]
    public void Batch_writes_one_row_per_case_under_the_feature_header()
    {
        using var temp = new TempFolder();
        var table = temp.File("table.csv");
        var summary = BatchExtraction.Run(Cases("a", "b"), Extractor(), table);
        var lines = File.ReadAllLines(table);
        Assert.Equal(2, summary.Extracted);
        Assert.Equal("id," + string.Join(',', Extractor().FeatureNames), lines[0]);
        Assert.Equal(["a", "b"], lines.Skip(1).Select(l => l.Split(',')[0]).Order());
        var volumeColumn = lines[0].Split(',').ToList().IndexOf("original_morph_volume");
        Assert.InRange(double.Parse(lines[1].Split(',')[volumeColumn], CultureInfo.InvariantCulture), 552, 560); // IBSI 556 ± 4
    }

    [Fact]
    public void Rerun_after_a_kill_drops_the_partial_row_and_extracts_only_missing_cases()
    {
        using var temp = new TempFolder();
        var table = temp.File("table.csv");
        BatchExtraction.Run(Cases("a"), Extractor(), table);
        File.AppendAllText(table, "b,1.5,2"); // a row cut off mid-write
        var summary = BatchExtraction.Run(Cases("a", "b", "c"), Extractor(), table);
        Assert.Equal(1, summary.Skipped);
        Assert.Equal(2, summary.Extracted);
        var lines = File.ReadAllLines(table);
        Assert.Equal(4, lines.Length);
        Assert.All(lines, l => Assert.Equal(lines[0].Split(',').Length, l.Split(',').Length));
    }

    [Fact]
    public void Table_from_another_recipe_is_refused()
    {
        using var temp = new TempFolder();
        var table = temp.File("table.csv");
        File.WriteAllText(table, "id,other_feature\nx,1\n");
        var error = Assert.Throws<OlnmUserException>(() => BatchExtraction.Run(Cases("a"), Extractor(), table));
        Assert.Contains("different recipe", error.Message);
    }

    [Fact]
    public void Missing_image_is_reported_for_its_case_and_gets_no_row()
    {
        using var temp = new TempFolder();
        var table = temp.File("table.csv");
        var cases = Cases("a").Append(new RadiomicsCase("missing", temp.File("none.nii.gz"), TestData.PhantomMask));
        var summary = BatchExtraction.Run(cases, Extractor(), table);
        var failure = Assert.Single(summary.Failures);
        Assert.Equal(("missing", temp.File("none.nii.gz")), (failure.Id, failure.File));
        Assert.Equal(2, File.ReadAllLines(table).Length);
        Assert.Contains(temp.File("none.nii.gz"), File.ReadAllText(BatchFailure.ListPath(table)));
    }

    [Fact]
    public void Extract_command_writes_the_long_table()
    {
        using var temp = new TempFolder();
        var output = temp.File("features.csv");
        var set = RadiomicsCommands.Extract(TestData.PhantomImage, TestData.PhantomMask, TestData.Preset("ibsi-digital-phantom"), output);
        var lines = File.ReadAllLines(output);
        Assert.Equal(FeatureCsv.Header, lines[0]);
        Assert.Equal(set.Features.Count + 1, lines.Length);
        Assert.Contains("original_stat_mean,Q4LE,,", lines[1..].First(l => l.StartsWith("original_stat_mean,", StringComparison.Ordinal)));
        Assert.Contains(lines, l => l.StartsWith("original_glcm_joint_max_3d_avg,GYBY,ITBB,", StringComparison.Ordinal));
    }

    [Fact]
    public void Cache_key_changes_with_the_recipe_and_entries_round_trip()
    {
        using var temp = new TempFolder();
        var cache = new FeatureCache(temp.Path);
        var first = cache.GetOrExtract(Extractor(), TestData.PhantomImage, TestData.PhantomMask);
        var second = cache.GetOrExtract(Extractor(), TestData.PhantomImage, TestData.PhantomMask);
        Assert.Equal(first.Features, second.Features);
        var files = new FileFingerprints();
        var key = new RowKey(Extractor().RecipeKey, files.Of(TestData.PhantomImage), files.Of(TestData.PhantomMask));
        Assert.NotEqual(FeatureCache.Key(key), FeatureCache.Key(key with { Recipe = new RadiomicsExtractor(Extractor().Settings with { TextureDistance = 2 }).RecipeKey }));
        Assert.NotEqual(FeatureCache.Key(key), FeatureCache.Key(key with { Recipe = new RadiomicsExtractor(Extractor().Settings, new ExtractionOptions(MaskLabel: 1)).RecipeKey }));
    }
}
