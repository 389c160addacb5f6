using OlnmMl.Radiomics.Extraction;

namespace OlnmMl.Radiomics.Tests.Extraction;

/// <summary>
/// <see cref="ShardMerge"/> on shard tables written by <see cref="BatchExtraction"/> (the process tests in
/// OlnmMl.Cli.Tests cover concurrent shards, a missing shard and other settings): the refusals that need hand-made
/// shards, and the merged table's order.
/// </summary>
public sealed class ShardMergeTests
{
    private static readonly RadiomicsExtractor Extractor = new(TestData.LoadPreset("ibsi-digital-phantom") with { Families = ["morph", "stat"] });

    private static void Shard(string table, int index, params string[] ids) =>
        BatchExtraction.Run(
            ids.Select(id => new RadiomicsCase(id, TestData.PhantomImage, TestData.PhantomMask)), Extractor, new BatchShard(index, 2).TablePath(table));

    [Fact]
    public void The_merged_table_holds_every_case_once_in_manifest_order_and_lists_the_shards()
    {
        using var temp = new TempFolder();
        var table = temp.File("t.csv");
        Shard(table, 1, "a", "c");
        Shard(table, 2, "b");

        var summary = ShardMerge.Run(["c", "b", "a"], table, 2);

        Assert.Equal(["c", "b", "a"], File.ReadAllLines(table).Skip(1).Select(l => l.Split(',')[0]));
        Assert.Equal(["c", "b", "a"], File.ReadAllLines(table + ".keys").Select(l => l.Split('\t')[0]));
        Assert.Equal([temp.File("t.shard-1-of-2.csv"), temp.File("t.shard-2-of-2.csv")], summary.Shards);
    }

    [Fact]
    public void A_case_in_two_shards_is_refused_naming_both_files()
    {
        using var temp = new TempFolder();
        var table = temp.File("t.csv");
        Shard(table, 1, "a", "b");
        Shard(table, 2, "b");

        var error = Assert.Throws<OlnmUserException>(() => ShardMerge.Run(["a", "b"], table, 2));

        Assert.Equal($"{temp.File("t.shard-2-of-2.csv")}: holds case 'b', which {temp.File("t.shard-1-of-2.csv")} holds too; each case must be in one shard", error.Message);
        Assert.False(File.Exists(table));
    }

    [Fact]
    public void A_case_outside_the_manifest_is_refused_naming_its_shard()
    {
        using var temp = new TempFolder();
        var table = temp.File("t.csv");
        Shard(table, 1, "a");
        Shard(table, 2, "stray");

        var error = Assert.Throws<OlnmUserException>(() => ShardMerge.Run(["a"], table, 2));

        Assert.StartsWith($"{temp.File("t.shard-2-of-2.csv")}: holds case 'stray', which is not in the manifest", error.Message);
    }

    [Fact]
    public void A_shard_still_being_extracted_is_refused_naming_the_holder()
    {
        using var temp = new TempFolder();
        var table = temp.File("t.csv");
        Shard(table, 1, "a");
        Shard(table, 2, "b");
        using var busy = FileLock.Acquire(temp.File("t.shard-2-of-2.csv"), "radiomics batch");

        var error = Assert.Throws<OlnmUserException>(() => ShardMerge.Run(["a", "b"], table, 2));

        Assert.Contains("is in use by", error.Message);
        Assert.False(File.Exists(table));
    }
}
