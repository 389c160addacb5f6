using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Splits;
using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Tests;

public class NegativeMatcherTests
{
    /// <summary>200 positives and 600 negatives with random sex/density/location and ages; negatives are older on average.</summary>
    private static List<Case> Population()
    {
        var random = new CaseRandom(7, 0);
        Case Draw(int i, int label) => Cases.Make(
            $"c{i:D4}", label,
            age: Math.Round(random.Normal(label == 1 ? 58 : 63, 9, 30, 85)),
            sex: random.Bernoulli(0.45) ? Sex.Male : Sex.Female,
            density: random.Bernoulli(label == 1 ? 0.9 : 0.7) ? Density.Solid : Density.PartSolid,
            location: (NoduleLocation)random.NextInt(3));
        return [.. Enumerable.Range(0, 800).Select(i => Draw(i, i < 200 ? 1 : 0))];
    }

    [Fact]
    public void Matched_groups_are_balanced_exactly_on_categories_and_within_the_caliper_on_age()
    {
        var result = NegativeMatcher.Match(Population(), ageCaliper: 3, seed: 1);
        Assert.True(result.Pairs.Count >= 190, $"only {result.Pairs.Count} of 200 positives matched");
        foreach (var pair in result.Pairs)
        {
            Assert.Equal(pair.Positive.Clinical.Sex, pair.Negative.Clinical.Sex);
            Assert.Equal(pair.Positive.Clinical.Density, pair.Negative.Clinical.Density);
            Assert.Equal(pair.Positive.Clinical.Location, pair.Negative.Clinical.Location);
            Assert.InRange(Math.Abs(pair.Positive.Clinical.Age!.Value - pair.Negative.Clinical.Age!.Value), 0, 3);
        }

        // Balance: standardised mean difference of age |Δmean| / pooled SD below the usual 0.1 threshold
        // (before matching it is 5 / 9 ≈ 0.55 by construction).
        var positiveAges = result.Pairs.Select(p => p.Positive.Clinical.Age!.Value).ToList();
        var negativeAges = result.Pairs.Select(p => p.Negative.Clinical.Age!.Value).ToList();
        var pooledSd = Math.Sqrt((Variance(positiveAges) + Variance(negativeAges)) / 2);
        Assert.InRange(Math.Abs(positiveAges.Average() - negativeAges.Average()) / pooledSd, 0, 0.1);
    }

    [Fact]
    public void Each_negative_is_used_at_most_once_and_every_positive_is_accounted_for()
    {
        var result = NegativeMatcher.Match(Population(), ageCaliper: 1, seed: 2);
        Assert.Equal(result.Pairs.Count, result.Pairs.Select(p => p.Negative.Id).Distinct().Count());
        Assert.Equal(200, result.Pairs.Count + result.UnmatchedPositives.Count);
        Assert.All(result.Pairs, p => Assert.Equal((1, 0), (p.Positive.Label, p.Negative.Label)));
    }

    [Fact]
    public void A_positive_without_a_negative_in_its_stratum_stays_unmatched()
    {
        var cases = new[]
        {
            Cases.Make("p1", 1, sex: Sex.Male, age: 60),
            Cases.Make("p2", 1, sex: Sex.Female, age: 60),
            Cases.Make("n1", 0, sex: Sex.Male, age: 62),
            Cases.Make("n2", 0, sex: Sex.Male, age: 61),
        };
        var result = NegativeMatcher.Match(cases, ageCaliper: 5);
        var pair = Assert.Single(result.Pairs);
        Assert.Equal(("p1", "n2"), (pair.Positive.Id, pair.Negative.Id)); // nearest age: |61 − 60| < |62 − 60|
        Assert.Equal("p2", Assert.Single(result.UnmatchedPositives).Id);
    }

    private static double Variance(IReadOnlyList<double> values)
    {
        var mean = values.Average();
        return values.Sum(v => (v - mean) * (v - mean)) / (values.Count - 1);
    }
}
