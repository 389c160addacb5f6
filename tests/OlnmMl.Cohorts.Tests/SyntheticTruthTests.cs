using System.Globalization;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Tests;

/// <summary>The truth file written beside a generated manifest: the label model's own probabilities, never a manifest column.</summary>
public sealed class SyntheticTruthTests(TinyCohortFixture tiny) : IClassFixture<TinyCohortFixture>
{
    private string TruthPath => Path.Combine(tiny.Result.OutputDirectory, SyntheticTruth.FileName);

    [Fact]
    public void The_truth_probabilities_are_the_label_model_of_the_regenerated_patients()
    {
        var design = StudyDesign.For(CohortPreset.Tiny);
        var slots = design.Slots();
        var rows = TruthRows();
        Assert.Equal(slots.Select(s => s.Id).Order(StringComparer.Ordinal), rows.Keys.Order(StringComparer.Ordinal));
        foreach (var slot in new[] { slots[0], slots[slots.Count / 2], slots[^1] })
        {
            var (patient, _, _) = SyntheticCase.Create(design, slot, tiny.Options.Seed);
            var logit = -1.7 + slot.Centre.LogitShift
                + (patient.Density == Density.Solid ? Math.Log(6.0) : 0)
                + Math.Log(1.5) * (patient.DiameterCm - 1.6)
                + (patient.Location == NoduleLocation.Inner ? Math.Log(2.8) : patient.Location == NoduleLocation.Middle ? Math.Log(1.6) : 0)
                + 3.5 * (patient.Spiculation - 0.5) + 3.0 * (patient.Heterogeneity - 0.5)
                + Math.Log(0.975) * (patient.Age - 60) + (patient.Sex == Sex.Male ? 0.1 : 0) + 1.8 * patient.Peritumoral;
            var row = rows[slot.Id];
            Assert.Equal(logit, row["label_logit"], 12);
            Assert.Equal(1 / (1 + Math.Exp(-logit)), row["label_probability"], 12);
            Assert.Equal(LabelModel.Probability(patient, slot.Centre.LogitShift), row["label_probability"]);
            Assert.Equal(patient.Spiculation, row["spiculation"]);
            Assert.Equal(patient.Peritumoral, row["peritumoral"]);
        }
    }

    [Fact]
    public void The_manifest_and_the_datalist_never_reference_the_truth()
    {
        var truthColumns = File.ReadLines(TruthPath).First().Split(',').Skip(1).ToArray();
        Assert.Contains("label_probability", truthColumns);
        var manifestHeader = File.ReadLines(tiny.Result.ManifestPath).First().Split(',');
        Assert.Empty(manifestHeader.Intersect(truthColumns));
        Assert.DoesNotContain(SyntheticTruth.FileName, File.ReadAllText(tiny.Result.ManifestPath), StringComparison.Ordinal);
        Assert.DoesNotContain(SyntheticTruth.FileName, File.ReadAllText(tiny.Result.DatalistPath), StringComparison.Ordinal);
        foreach (var @case in CsvManifest.Read(tiny.Result.ManifestPath))
        {
            Assert.Empty(@case.Clinical.Extra.Keys.Intersect(truthColumns));
            Assert.Empty(@case.Targets.Keys.Select(t => t + "_probability").Intersect(@case.Clinical.Extra.Keys));
        }
    }

    [Fact]
    public void A_complete_folder_without_truth_gains_it_and_keeps_its_images()
    {
        using var copy = new TempFolder();
        var folder = copy.File("tiny");
        foreach (var file in GeneratedFolders.Files(tiny.Result.OutputDirectory))
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.Combine(folder, file))!);
            File.Copy(Path.Combine(tiny.Result.OutputDirectory, file), Path.Combine(folder, file));
        }

        var image = Directory.EnumerateFiles(Path.Combine(folder, "images")).First();
        var written = File.GetLastWriteTimeUtc(image);
        File.Delete(Path.Combine(folder, SyntheticTruth.FileName));
        var result = SyntheticCohortGenerator.Generate(tiny.Options with { OutputDirectory = folder });
        Assert.False(result.Reused);
        Assert.Equal(written, File.GetLastWriteTimeUtc(image));
        GeneratedFolders.AssertIdentical(tiny.Result.OutputDirectory, folder, "after adding the truth file to a complete folder");
    }

    [Fact]
    public void A_pet_ct_truth_gives_the_stage_model_probabilities_of_label_n1_and_n2()
    {
        var patient = new PetCtPatient(
            new SyntheticPatient(67, Sex.Male, 2.1, Density.Solid, 1, NoduleLocation.Inner, 0.2, 0.8, 0.6, 0.5), LeftSide: true, Metabolic: 1.2);
        var eta = Math.Log(0.967) * 7 + Math.Log(2.525) + Math.Log(1.512) + Math.Log(1.743) + Math.Log(1.4) * 0.5
            + 2.0 * 0.3 + 1.5 * 0.1 + 0.8 * 0.5 + 1.5 * 1.2 + 0.25;
        var atLeastN1 = 1 / (1 + Math.Exp(3.1 - eta));
        var atLeastN2 = 1 / (1 + Math.Exp(4.55 - eta));
        var truth = SyntheticTruth.Of("h1-0001", patient, centreShift: 0.25);
        Assert.Equal(atLeastN1, truth.Probabilities[Targets.Default], 12);
        Assert.Equal(atLeastN1 - atLeastN2, truth.Probabilities["n1"], 12);
        Assert.Equal(atLeastN2, truth.Probabilities["n2"], 12);
        Assert.Equal(1.2, truth.Factors["metabolic"]);
    }

    [Fact]
    public void Probabilities_are_read_back_per_case_and_an_unmodelled_target_has_none()
    {
        var rows = TruthRows();
        var read = SyntheticTruth.ReadProbabilities(TruthPath, Targets.Default)!;
        Assert.Equal(rows.Count, read.Count);
        Assert.All(rows, r => Assert.Equal(r.Value["label_probability"], read[r.Key]));
        Assert.Null(SyntheticTruth.ReadProbabilities(TruthPath, "n1"));
    }

    private Dictionary<string, Dictionary<string, double>> TruthRows()
    {
        var lines = File.ReadAllLines(TruthPath);
        var header = lines[0].Split(',');
        return lines.Skip(1).Select(l => l.Split(',')).ToDictionary(
            f => f[0],
            f => header.Skip(1).Select((h, i) => (h, v: double.Parse(f[i + 1], CultureInfo.InvariantCulture))).ToDictionary(p => p.h, p => p.v));
    }
}
