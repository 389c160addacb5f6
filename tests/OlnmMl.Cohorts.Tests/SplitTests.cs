using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Splits;

namespace OlnmMl.Cohorts.Tests;

public class SplitTests
{
    private static List<Case> Population(int positives, int negatives, string centre = "h1") =>
        Enumerable.Range(0, positives + negatives)
            .Select(i => Cases.Make($"{centre}-{i:D3}", i < positives ? 1 : 0, centre))
            .ToList();

    [Fact]
    public void Stratified_split_keeps_seven_to_three_within_each_class()
    {
        // 47 positives → round(32.9) = 33 train, 14 validation; 103 negatives → round(72.1) = 72 / 31.
        var (train, validation) = StratifiedSplit.Split(Population(47, 103), 0.7, seed: 3);
        Assert.Equal(33, train.Count(c => c.Label == 1));
        Assert.Equal(72, train.Count(c => c.Label == 0));
        Assert.Equal(14, validation.Count(c => c.Label == 1));
        Assert.Equal(31, validation.Count(c => c.Label == 0));
        Assert.All(train, c => Assert.Equal(CohortRole.Train, c.Role));
        Assert.All(validation, c => Assert.Equal(CohortRole.Validation, c.Role));
        Assert.Equal(150, train.Concat(validation).Select(c => c.Id).Distinct().Count());
    }

    [Fact]
    public void Stratified_split_depends_on_the_seed_only()
    {
        var population = Population(30, 70);
        var shuffledInput = population.AsEnumerable().Reverse().ToList();
        var a = StratifiedSplit.Split(population, 0.7, seed: 11).Train.Select(c => c.Id).Order();
        var b = StratifiedSplit.Split(shuffledInput, 0.7, seed: 11).Train.Select(c => c.Id).Order();
        var c = StratifiedSplit.Split(population, 0.7, seed: 12).Train.Select(c => c.Id).Order();
        Assert.Equal(a, b);
        Assert.NotEqual(a, c);
    }

    [Fact]
    public void Centre_split_makes_each_other_centre_its_own_test_cohort()
    {
        var cases = Population(10, 10, "h1").Concat(Population(10, 10, "h2")).Concat(Population(3, 9, "h5")).Concat(Population(4, 8, "h6"));
        var split = CentreSplit.Split(cases, ["h1", "h2"], 0.7, seed: 1);
        Assert.Equal(64, split.Count);
        Assert.Equal(28, split.Count(c => c.Role == CohortRole.Train)); // round(20·0.7) per class = 14 + 14
        Assert.Equal(12, split.Count(c => c.Role == CohortRole.Validation));
        Assert.All(split.Where(c => c.Centre == "h5"), c => Assert.Equal("test-h5", c.Role.ToString()));
        Assert.All(split.Where(c => c.Centre == "h6"), c => Assert.Equal("test-h6", c.Role.ToString()));
        Assert.DoesNotContain(split, c => c.Role.Kind != CohortKind.Test && c.Centre is "h5" or "h6");
    }

    [Fact]
    public void Centre_split_rejects_an_unknown_development_centre()
    {
        var e = Assert.Throws<ArgumentException>(() => CentreSplit.Split(Population(2, 2), ["h9"]));
        Assert.Contains("'h9'", e.Message);
    }
}
