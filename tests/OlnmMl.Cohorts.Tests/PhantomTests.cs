using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Tests;

/// <summary>Structural facts of the rendered cases (in memory, no files): tissue HU ranges and the peritumoral signal.</summary>
public class PhantomTests
{
    private static readonly StudyDesign Design = StudyDesign.For(CohortPreset.Tiny);

    private static IEnumerable<(SyntheticPatient Patient, float[] Image, float[] Mask, CaseSlot Slot)> Rendered(int count) =>
        Design.Slots().Take(count).Select(slot =>
        {
            var (patient, image, mask) = SyntheticCase.Create(Design, slot, 77);
            return (patient, image.Voxels, mask.Voxels, slot);
        });

    private static double Median(IEnumerable<float> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    [Fact]
    public void Nodules_are_dense_inside_lung_parenchyma_and_the_mask_size_follows_the_diameter()
    {
        foreach (var (patient, image, mask, slot) in Rendered(12))
        {
            var inside = image.Where((_, i) => mask[i] > 0.5f).ToList();
            var outside = image.Where((_, i) => mask[i] < 0.5f).ToList();
            Assert.InRange(Median(outside), -900, -780); // parenchyma −850 HU ± calibration offset
            Assert.True(Median(inside) > -600, $"{slot.Id}: nodule median {Median(inside)} HU");

            // Mask volume vs a sphere of the sampled diameter: lobulation and the ±0.5-voxel boundary keep it within a factor 2.
            var voxelVolume = slot.Centre.Scanner.PixelSpacingMm * slot.Centre.Scanner.PixelSpacingMm * slot.Centre.Scanner.SliceThicknessMm;
            var sphere = Math.PI / 6 * Math.Pow(patient.DiameterCm * 10, 3);
            Assert.InRange(inside.Count * voxelVolume / sphere, 0.5, 2.0);
        }
    }

    [Fact]
    public void Part_solid_nodules_carry_ground_glass_and_solid_ones_do_not()
    {
        var design = Design;
        foreach (var (density, minimumGlass, maximumGlass) in new[] { (Density.PartSolid, 0.2, 1.0), (Density.Solid, 0.0, 0.1) })
        {
            // Find a slot whose patient has the wanted density (seeds scanned in order).
            for (ulong seed = 0; ; seed++)
            {
                var slot = design.Slots()[(int)(seed % 10)];
                var (patient, image, mask) = SyntheticCase.Create(design, slot, seed + 1000);
                if (patient.Density != density || patient.DiameterCm < 1.2)
                {
                    continue;
                }

                var inside = image.Voxels.Where((_, i) => mask.Voxels[i] > 0.5f).ToList();
                var glass = inside.Count(v => v is > -700 and < -300) / (double)inside.Count; // ground glass ≈ −520 HU
                Assert.InRange(glass, minimumGlass, maximumGlass);
                break;
            }
        }

    }

    [Fact]
    public void The_peritumoral_score_raises_hu_just_outside_the_mask()
    {
        // Shell = voxels outside the mask but within 2 voxels of it; the phantom adds 40·max(0, s + 1) HU there.
        var pairs = new List<(double Score, double ShellMedian)>();
        foreach (var (patient, image, mask, slot) in Rendered(40))
        {
            var size = Design.InPlaneVoxels;
            var slices = image.Length / (size * size);
            var shell = new List<float>();
            for (var z = 0; z < slices; z++)
            {
                for (var y = 2; y < size - 2; y++)
                {
                    for (var x = 2; x < size - 2; x++)
                    {
                        var i = x + size * (y + size * z);
                        if (mask[i] < 0.5f && (mask[i - 2] > 0.5f || mask[i + 2] > 0.5f || mask[i - 2 * size] > 0.5f || mask[i + 2 * size] > 0.5f))
                        {
                            shell.Add(image[i]);
                        }
                    }
                }
            }

            pairs.Add((patient.Peritumoral, Median(shell)));
        }

        var high = pairs.Where(p => p.Score > 0.5).Select(p => p.ShellMedian).DefaultIfEmpty(double.NaN).Average();
        var low = pairs.Where(p => p.Score < -0.5).Select(p => p.ShellMedian).DefaultIfEmpty(double.NaN).Average();
        Assert.True(high - low > 30, $"shell median HU: score > 0.5 → {high:0}, score < −0.5 → {low:0}");
    }
    [Fact]
    public void Centres_differ_in_noise_and_calibration_as_profiled()
    {
        // Median |difference| of x-neighbours in parenchyma ≈ 0.6745·√2·SD for white noise (texture adds a little):
        // h5 (SD 34 HU) must be clearly noisier than h3 (SD 14 HU); the parenchyma median shifts with the offset
        // (h5 −22 HU, h3 −10 HU, h6 +25 HU).
        var slots = Design.Slots();
        (double Noise, double Level) Measure(string centre)
        {
            var slot = slots.First(s => s.Centre.Name == centre);
            var (_, image, mask) = SyntheticCase.Create(Design, slot, 5);
            var v = image.Voxels;
            var differences = new List<float>();
            var levels = new List<float>();
            for (var i = 0; i + 1 < v.Length; i++)
            {
                if (v[i] < -700 && v[i + 1] < -700 && mask.Voxels[i] < 0.5f)
                {
                    differences.Add(Math.Abs(v[i + 1] - v[i]));
                    levels.Add(v[i]);
                }
            }

            return (Median(differences), Median(levels));
        }

        var h3 = Measure("h3");
        var h5 = Measure("h5");
        var h6 = Measure("h6");
        Assert.InRange(h3.Noise, 0.6745 * Math.Sqrt(2) * 14 * 0.8, 0.6745 * Math.Sqrt(2) * 14 * 1.6);
        Assert.InRange(h5.Noise, 0.6745 * Math.Sqrt(2) * 34 * 0.8, 0.6745 * Math.Sqrt(2) * 34 * 1.3);
        Assert.True(h3.Level > h5.Level && h6.Level > h3.Level, $"parenchyma medians h5 {h5.Level}, h3 {h3.Level}, h6 {h6.Level}");
    }
}
