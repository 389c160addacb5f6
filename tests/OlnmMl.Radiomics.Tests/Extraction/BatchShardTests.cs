using OlnmMl.Radiomics.Extraction;

namespace OlnmMl.Radiomics.Tests.Extraction;

/// <summary><c>--shard i/n</c>: parsing, the round-robin deal over ids sorted ordinally, and the shard table's name.</summary>
public sealed class BatchShardTests
{
    [Theory]
    [InlineData("0/2")]
    [InlineData("3/2")]
    [InlineData("2")]
    [InlineData("a/b")]
    [InlineData("-1/2")]
    [InlineData("1/2/3")]
    public void A_shard_outside_one_to_n_is_refused_with_the_expected_form(string text)
    {
        var error = Assert.Throws<OlnmUserException>(() => BatchShard.Parse(text));

        Assert.Contains($"--shard is '{text}'; expected i/n with 1 ≤ i ≤ n", error.Message);
    }

    [Fact]
    public void The_shards_deal_every_case_once_by_sorted_id_whatever_the_manifest_order()
    {
        var ids = Enumerable.Range(0, 11).Select(n => $"case{n:00}").ToArray();
        var shuffled = ids.OrderBy(id => id.GetHashCode(StringComparison.Ordinal)).ToArray();

        var shards = Enumerable.Range(1, 3).Select(i => BatchShard.Parse($"{i}/3").Select(shuffled, id => id)).ToArray();

        Assert.Equal(ids, shards.SelectMany(s => s).Order(StringComparer.Ordinal));
        Assert.Equal([4, 4, 3], shards.Select(s => s.Count));
        Assert.Equal(["case01", "case04", "case07", "case10"], shards[1].Order(StringComparer.Ordinal));
        Assert.Equal(shuffled.Where(shards[1].Contains), shards[1]); // the given order is kept
    }

    [Fact]
    public void A_shard_table_sits_beside_the_merged_table_with_its_index_and_count_in_the_name()
    {
        Assert.Equal(Path.Combine("out", "features.shard-2-of-4.csv"), BatchShard.Parse("2/4").TablePath(Path.Combine("out", "features.csv")));
    }
}
