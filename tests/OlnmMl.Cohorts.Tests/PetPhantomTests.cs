using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Imaging;

namespace OlnmMl.Cohorts.Tests;

/// <summary>The rendered PET of PET/CT cases (in memory, no files): its own grid, SUV range, and the stage signal.</summary>
public class PetPhantomTests
{
    private static readonly StudyDesign Quick = StudyDesign.For(CohortPreset.PetCtQuick);

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : 0.5 * (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]);
    }

    [Fact]
    public void The_pet_has_its_own_coarser_grid_covering_the_ct_and_non_negative_suvs_with_lung_background_near_half()
    {
        foreach (var slot in StudyDesign.For(CohortPreset.PetCtTiny).Slots().Where((_, i) => i % 5 == 0))
        {
            var c = SyntheticPetCtCase.Create(StudyDesign.For(CohortPreset.PetCtTiny), slot, 3);
            var ct = c.Image.Geometry;
            var pet = c.Pet.Geometry;
            Assert.False(ct.SameGrid(pet));
            Assert.InRange(pet.Spacing.X, 3.5, 4.8);
            Assert.InRange(pet.Spacing.Z, 3.0, 4.0);
            Assert.NotEqual(ct.Origin, pet.Origin);

            // The PET's voxel-centre hull contains the CT's (so the tumour, which lies inside the CT).
            var ctEnd = ct.IndexToPhysical(ct.Size.X - 1, ct.Size.Y - 1, ct.Size.Z - 1);
            var petEnd = pet.IndexToPhysical(pet.Size.X - 1, pet.Size.Y - 1, pet.Size.Z - 1);
            Assert.True(pet.Origin.X <= ct.Origin.X && pet.Origin.Y <= ct.Origin.Y && pet.Origin.Z <= ct.Origin.Z, $"{slot.Id}: PET starts inside the CT");
            Assert.True(petEnd.X >= ctEnd.X && petEnd.Y >= ctEnd.Y && petEnd.Z >= ctEnd.Z, $"{slot.Id}: PET ends inside the CT");

            Assert.All(c.Pet.Voxels, v => Assert.True(v >= 0 && float.IsFinite(v)));
            Assert.InRange(Median(c.Pet.Voxels.Select(v => (double)v)), 0.3, 0.9); // mostly lung: SUV ≈ 0.5
            Assert.True(TumourSuv.Max(c.Mask, c.Pet) > Median(c.Pet.Voxels.Select(v => (double)v)), $"{slot.Id}: the tumour is no hotter than the lung");
        }
    }

    [Fact]
    public void The_same_slot_and_seed_give_the_same_pet_and_another_seed_another()
    {
        var slot = Quick.Slots()[1];
        var a = SyntheticPetCtCase.Create(Quick, slot, 9).Pet;
        var b = SyntheticPetCtCase.Create(Quick, slot, 9).Pet;
        var c = SyntheticPetCtCase.Create(Quick, slot, 10).Pet;
        Assert.True(a.Voxels.AsSpan().SequenceEqual(b.Voxels));
        Assert.Equal(a.Geometry, b.Geometry);
        Assert.False(a.Voxels.AsSpan().SequenceEqual(c.Voxels));
    }

    [Fact]
    public void Tumour_suvmax_is_higher_in_N2_than_in_N0_over_the_quick_preset()
    {
        // Every N2 slot of petct-quick (34) and its first 34 N0 slots, each with seeds 11 and 12 (68 cases per stage); SUVmax as a reader measures it.
        var slots = Quick.Slots();
        List<double> Measure(NodalStage stage) =>
            [.. slots.Where(s => s.Stage == stage).Take(34)
                .SelectMany(s => new ulong[] { 11, 12 }.Select(seed => SyntheticPetCtCase.Create(Quick, s, seed)))
                .Select(c => TumourSuv.Max(c.Mask, c.Pet))];
        var n0 = Measure(NodalStage.N0);
        var n2 = Measure(NodalStage.N2);
        Assert.Equal(68, n2.Count);

        // Welch's t: under "no difference" t > 3.5 has probability < 0.001; medians in the clinical ranges with a wide margin.
        static (double Mean, double Variance) Moments(List<double> x) => (x.Average(), x.Sum(v => (v - x.Average()) * (v - x.Average())) / (x.Count - 1));
        var (m0, v0) = Moments(n0);
        var (m2, v2) = Moments(n2);
        var t = (m2 - m0) / Math.Sqrt(v0 / n0.Count + v2 / n2.Count);
        Assert.True(t > 3.5, $"N0 mean {m0:F2}, N2 mean {m2:F2}, Welch t {t:F2}");
        Assert.InRange(Median(n0), 2.0, 4.5); // published ≈ 3–4
        Assert.InRange(Median(n2), 5.5, 12.0); // published ≈ 7–9
        Assert.True(Median(n2) > 1.6 * Median(n0), $"median N0 {Median(n0):F2}, N2 {Median(n2):F2}");
    }
}
