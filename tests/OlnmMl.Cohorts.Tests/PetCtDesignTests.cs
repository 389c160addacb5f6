using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Tests;

/// <summary>The PET/CT presets' designs (slots only, no volumes) against the published cohort sizes and prevalences.</summary>
public class PetCtDesignTests
{
    private static (int N1, int N2, int N0) Counts(IEnumerable<CaseSlot> slots) =>
        (slots.Count(s => s.Stage == NodalStage.N1), slots.Count(s => s.Stage == NodalStage.N2), slots.Count(s => s.Stage == NodalStage.N0));

    [Fact]
    public void The_paper_preset_has_the_published_cohort_sizes()
    {
        // Internal 1,911 (train 1,528 / validation 383), external 355, prospective 999.
        var slots = StudyDesign.For(CohortPreset.PetCtPaper).Slots();
        var sizes = slots.GroupBy(s => s.Role.ToString()).ToDictionary(g => g.Key, g => g.Count());
        Assert.Equal(
            new Dictionary<string, int> { ["train"] = 1528, ["validation"] = 383, ["test-external"] = 355, ["test-prospective"] = 999 },
            sizes);
    }

    [Fact]
    public void The_paper_internal_cohort_has_11_6_percent_occult_N1_and_8_4_percent_occult_N2()
    {
        var internalCohort = StudyDesign.For(CohortPreset.PetCtPaper).Slots().Where(s => s.Role.Kind != CohortKind.Test).ToList();
        var (n1, n2, _) = Counts(internalCohort);
        Assert.Equal(1911, internalCohort.Count);
        Assert.Equal(11.6, Math.Round(100.0 * n1 / 1911, 1));
        Assert.Equal(8.4, Math.Round(100.0 * n2 / 1911, 1));
    }

    [Theory]
    [InlineData(CohortPreset.PetCtTiny, 55, 65)]
    [InlineData(CohortPreset.PetCtQuick, 380, 420)]
    [InlineData(CohortPreset.PetCtPaper, 3265, 3265)]
    public void Every_slot_has_a_stage_consistent_with_its_label_and_the_cohort_counts_are_exact(CohortPreset preset, int minCases, int maxCases)
    {
        var design = StudyDesign.For(preset);
        var slots = design.Slots();
        Assert.True(design.PetCt);
        Assert.InRange(slots.Count, minCases, maxCases);
        Assert.All(slots, s => Assert.Equal(s.Stage == NodalStage.N0 ? 0 : 1, s.Label));
        Assert.All(slots, s => Assert.NotNull(s.Centre.Pet));
        foreach (var cohort in design.Cohorts)
        {
            var (n1, n2, n0) = Counts(slots.Where(s => s.Role == cohort.Role));
            Assert.Equal((cohort.Positives - cohort.N2, cohort.N2, cohort.Negatives), (n1, n2, n0));
        }
    }

    [Theory]
    [InlineData(CohortPreset.PetCtTiny)]
    [InlineData(CohortPreset.PetCtQuick)]
    [InlineData(CohortPreset.PetCtPaper)]
    public void Every_cohort_has_both_classes_of_every_target(CohortPreset preset)
    {
        foreach (var cohort in StudyDesign.For(preset).Slots().GroupBy(s => s.Role))
        {
            var (n1, n2, n0) = Counts(cohort);
            Assert.True(n1 > 0 && n2 > 0 && n0 > 0, $"{preset} {cohort.Key}: N1 {n1}, N2 {n2}, N0 {n0}");
        }
    }

    [Fact]
    public void Test_cohorts_are_named_external_and_prospective_and_parse_back()
    {
        var roles = StudyDesign.For(CohortPreset.PetCtTiny).Cohorts.Select(c => c.Role.ToString()).ToList();
        Assert.Equal(["train", "validation", "test-external", "test-prospective"], roles);
        Assert.All(roles, name => Assert.True(CohortRole.TryParse(name, out var role) && role.ToString() == name));
    }

    [Fact]
    public void Prospective_cases_come_from_the_internal_hospital_and_external_ones_from_the_others()
    {
        var slots = StudyDesign.For(CohortPreset.PetCtQuick).Slots();
        string[] Centres(string role) => [.. slots.Where(s => s.Role.ToString() == role).Select(s => s.Centre.Name).Distinct().Order()];
        Assert.Equal(["p1", "p2"], Centres("train"));
        Assert.Equal(["p1", "p2"], Centres("test-prospective"));
        Assert.Equal(["p3", "p4"], Centres("test-external"));
    }

    [Fact]
    public void Ct_only_presets_have_no_stages()
    {
        foreach (var preset in new[] { CohortPreset.Tiny, CohortPreset.Quick, CohortPreset.Paper })
        {
            Assert.False(StudyDesign.For(preset).PetCt);
            Assert.All(StudyDesign.For(preset).Slots(), s => Assert.Null(s.Stage));
        }
    }

    [Theory]
    [InlineData("tiny", CohortPreset.Tiny)]
    [InlineData("Paper", CohortPreset.Paper)]
    [InlineData("petct-tiny", CohortPreset.PetCtTiny)]
    [InlineData(" PETCT-Quick ", CohortPreset.PetCtQuick)]
    [InlineData("petct-paper", CohortPreset.PetCtPaper)]
    public void Preset_names_parse(string name, CohortPreset expected)
    {
        Assert.True(CohortPresetNames.TryParse(name, out var preset));
        Assert.Equal(expected, preset);
        Assert.Equal(name.Trim().ToLowerInvariant(), CohortPresetNames.Of(preset));
    }

    [Theory]
    [InlineData("petct")]
    [InlineData("PetCtTiny")]
    [InlineData("")]
    public void Unknown_preset_names_do_not_parse(string name) => Assert.False(CohortPresetNames.TryParse(name, out _));
}
