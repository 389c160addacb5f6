using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Tests;

public class StudyDesignTests
{
    [Fact]
    public void The_paper_preset_has_the_published_cohort_sizes_and_pN_positive_counts()
    {
        // Fusion study: training 235/235, validation 101/101, test 1 43/184, test 2 99/327 (pN+/pN−).
        var slots = StudyDesign.For(CohortPreset.Paper).Slots();
        Assert.Equal(1325, slots.Count);
        var byCohort = slots.GroupBy(s => s.Role.ToString()).ToDictionary(g => g.Key, g => (g.Count(s => s.Label == 1), g.Count(s => s.Label == 0)));
        Assert.Equal((235, 235), byCohort["train"]);
        Assert.Equal((101, 101), byCohort["validation"]);
        Assert.Equal((43, 184), byCohort["test-h5"]);
        Assert.Equal((99, 327), byCohort["test-h6"]);
        Assert.Equal(426, slots.Count(s => s.Centre.Scanner.ContrastEnhanced)); // 426 contrast-enhanced scans
        Assert.InRange(slots.Count(s => s.Label == 1) / 1325.0, 0.355, 0.365); // 478 / 1325 = 36.1 %
    }

    [Theory]
    [InlineData(CohortPreset.Tiny, 35, 45)]
    [InlineData(CohortPreset.Quick, 280, 320)]
    public void Smaller_presets_keep_the_published_prevalences(CohortPreset preset, int minCases, int maxCases)
    {
        var slots = StudyDesign.For(preset).Slots();
        Assert.InRange(slots.Count, minCases, maxCases);
        Assert.Equal(6, slots.Select(s => s.Centre.Name).Distinct().Count());
        Assert.InRange(slots.Count(s => s.Label == 1) / (double)slots.Count, 0.33, 0.40);
        foreach (var test in slots.Where(s => s.Role.Kind == CohortKind.Test).GroupBy(s => s.Role))
        {
            Assert.InRange(test.Count(s => s.Label == 1) / (double)test.Count(), 0.19, 0.23);
        }
    }

    [Fact]
    public void Development_cohorts_spread_each_class_evenly_over_their_four_centres()
    {
        var train = StudyDesign.For(CohortPreset.Paper).Slots().Where(s => s.Role == CohortRole.Train).ToList();
        foreach (var label in new[] { 0, 1 })
        {
            var perCentre = train.Where(s => s.Label == label).GroupBy(s => s.Centre.Name).Select(g => g.Count()).ToList();
            Assert.Equal(4, perCentre.Count);
            Assert.InRange(perCentre.Max() - perCentre.Min(), 0, 1); // 235 = 59 + 59 + 59 + 58
        }
    }

    [Fact]
    public void Centres_cover_the_published_slice_thickness_range()
    {
        var thickness = StudyDesign.Centres.Select(c => c.Scanner.SliceThicknessMm).ToList();
        Assert.Equal(0.6, thickness.Min());
        Assert.Equal(2.0, thickness.Max());
        Assert.Equal(["h6"], StudyDesign.Centres.Where(c => c.Scanner.ContrastEnhanced).Select(c => c.Name));
    }
}
