using OlnmMl.Imaging;
using OlnmMl.Imaging.IO;
using OlnmMl.Radiomics.Extraction;

namespace OlnmMl.Radiomics.Tests.Extraction;

/// <summary>Rows are reused only for unchanged inputs; damage and bad cases are dropped or recorded, never kept.</summary>
public sealed class BatchKeyTests
{
    private static RadiomicsExtractor Extractor() =>
        new(TestData.LoadPreset("ibsi-digital-phantom") with { Families = ["morph", "stat"] });

    private static string[] DataLines(string table) => File.ReadAllLines(table).Skip(1).ToArray();

    [Fact]
    public void A_row_whose_mask_content_changed_is_re_extracted()
    {
        using var temp = new TempFolder();
        var (table, mask) = (temp.File("t.csv"), temp.File("mask.nii.gz"));
        File.Copy(TestData.PhantomMask, mask);
        BatchExtraction.Run([new RadiomicsCase("a", TestData.PhantomImage, mask)], Extractor(), table);
        var before = Assert.Single(DataLines(table));

        var smaller = VolumeIO.Read(mask);
        smaller.Voxels[Array.IndexOf(smaller.Voxels, 1f)] = 0; // one voxel fewer: same path, new content
        VolumeIO.Write(smaller, mask, VoxelType.UInt8);
        var summary = BatchExtraction.Run([new RadiomicsCase("a", TestData.PhantomImage, mask)], Extractor(), table);

        Assert.Equal((1, 0, 1), (summary.Extracted, summary.Skipped, summary.Dropped));
        Assert.NotEqual(before, Assert.Single(DataLines(table)));
        var again = BatchExtraction.Run([new RadiomicsCase("a", TestData.PhantomImage, mask)], Extractor(), table);
        Assert.Equal((0, 1, 0), (again.Extracted, again.Skipped, again.Dropped));
    }

    [Fact]
    public void Glued_and_duplicated_rows_are_dropped_and_re_extracted()
    {
        using var temp = new TempFolder();
        var table = temp.File("t.csv");
        RadiomicsCase[] cases = [new("a", TestData.PhantomImage, TestData.PhantomMask), new("b", TestData.PhantomImage, TestData.PhantomMask)];
        BatchExtraction.Run(cases, Extractor(), table);
        var lines = File.ReadAllLines(table);
        // Damage as two unlocked appenders leave it: a's row twice, b's row glued onto another row.
        File.WriteAllText(table, string.Join('\n', lines[0], lines[1], lines[1], lines[2] + lines[2]) + "\n");

        var summary = BatchExtraction.Run(cases, Extractor(), table);

        Assert.Equal((2, 0), (summary.Extracted, summary.Skipped));
        var rows = DataLines(table);
        Assert.Equal(["a", "b"], rows.Select(r => r.Split(',')[0]).Order());
        Assert.All(rows, r => Assert.Equal(lines[0].Split(',').Length, r.Split(',').Length));
    }

    [Fact]
    public void Bad_cases_are_listed_with_file_and_problem_and_the_batch_goes_on()
    {
        using var temp = new TempFolder();
        var table = temp.File("t.csv");
        var empty = temp.File("empty.nii.gz");
        VolumeIO.Write(Volume.Zeros(VolumeIO.Read(TestData.PhantomMask).Geometry), empty);
        RadiomicsCase[] cases = [new("good", TestData.PhantomImage, TestData.PhantomMask), new("blank", TestData.PhantomImage, empty)];

        var summary = BatchExtraction.Run(cases, Extractor(), table);

        Assert.Equal(1, summary.Extracted);
        var failure = Assert.Single(summary.Failures);
        Assert.Equal(("blank", empty), (failure.Id, failure.File));
        Assert.Contains("mask is empty", failure.Problem);
        Assert.Equal(["id,file,problem", $"blank,{empty},mask is empty (every voxel is 0)"], File.ReadAllLines(BatchFailure.ListPath(table)));
        Assert.Equal("good", Assert.Single(DataLines(table)).Split(',')[0]);

        BatchExtraction.Run(cases[..1], Extractor(), table);
        Assert.False(File.Exists(BatchFailure.ListPath(table))); // a clean run leaves no stale failure list
    }

    [Fact]
    public void A_batch_refuses_a_table_held_by_another_batch_naming_the_holder()
    {
        using var temp = new TempFolder();
        var table = temp.File("t.csv");
        using (FileLock.Acquire(table, "radiomics batch"))
        {
            var e = Assert.Throws<OlnmUserException>(() => BatchExtraction.Run([new RadiomicsCase("a", TestData.PhantomImage, TestData.PhantomMask)], Extractor(), table));
            Assert.Contains($"pid {Environment.ProcessId}", e.Message);
        }

        Assert.Equal(1, BatchExtraction.Run([new RadiomicsCase("a", TestData.PhantomImage, TestData.PhantomMask)], Extractor(), table).Extracted);
    }
}
