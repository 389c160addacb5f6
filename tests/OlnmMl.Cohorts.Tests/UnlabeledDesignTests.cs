using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Tests;

public sealed class UnlabeledDesignTests
{
    [Fact]
    public void TenUnlabeledVolumesSpanAllSixCentresOnTheQuickGridWithThirtyPercentTumoursOfPositives()
    {
        // round(0.3 · 10) = 3 pN+ patients (centres h1–h3), 7 pN− (h1–h6, then h1): every centre appears.
        var design = StudyDesign.Unlabeled(10);
        var slots = design.Slots();
        Assert.Equal(10, slots.Count);
        Assert.Equal(3, slots.Count(s => s.Label == 1));
        Assert.Equal(StudyDesign.Centres.Select(c => c.Name), slots.Select(s => s.Centre.Name).Distinct().Order());
        Assert.Equal(StudyDesign.For(CohortPreset.Quick).InPlaneVoxels, design.InPlaneVoxels);
    }

    [Fact]
    public void TheUnlabeledPresetIsRefusedWhereAStudyNeedsLabels()
    {
        Assert.True(CohortPresetNames.TryParse("unlabeled", out var preset));
        var error = Assert.Throws<ArgumentException>(() => SyntheticCohortGenerator.Generate(new SyntheticCohortOptions { OutputDirectory = "unused", Preset = preset }));
        Assert.Contains("GenerateUnlabeled", error.Message);
        Assert.Throws<ArgumentException>(() => StudyDesign.Unlabeled(0));
    }
}
