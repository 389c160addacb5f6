using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Cohorts.Validation;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Cohorts.Tests;

/// <summary>The petct-tiny study generated once with 2 workers (seed 5), shared by the tests below.</summary>
public sealed class PetCtTinyFixture : IDisposable
{
    public PetCtTinyFixture()
    {
        Options = new SyntheticCohortOptions { OutputDirectory = Folder.File("petct-tiny"), Preset = CohortPreset.PetCtTiny, Seed = 5, MaxDegreeOfParallelism = 2 };
        Result = SyntheticCohortGenerator.Generate(Options);
        Cases = CsvManifest.Read(Result.ManifestPath);
    }

    public TempFolder Folder { get; } = new();

    public SyntheticCohortOptions Options { get; }

    public SyntheticCohortResult Result { get; }

    public IReadOnlyList<Case> Cases { get; }

    public void Dispose() => Folder.Dispose();
}

public sealed class PetCtCohortGeneratorTests(PetCtTinyFixture tiny) : IClassFixture<PetCtTinyFixture>
{
    [Fact]
    public void The_same_seed_gives_byte_identical_files_whatever_the_parallelism()
    {
        var again = tiny.Options with { OutputDirectory = tiny.Folder.File("again"), MaxDegreeOfParallelism = 1 };
        SyntheticCohortGenerator.Generate(again);
        Assert.Equal(60, GeneratedFolders.Files(again.OutputDirectory).Count(f => f.EndsWith("_pet.nii.gz", StringComparison.Ordinal)));
        GeneratedFolders.AssertIdentical(tiny.Result.OutputDirectory, again.OutputDirectory, "between two runs with seed 5");
    }

    [Fact]
    public void An_interrupted_run_resumes_to_the_same_files()
    {
        var options = tiny.Options with { OutputDirectory = tiny.Folder.File("resumed"), MaxDegreeOfParallelism = 1 };
        GeneratedFolders.GenerateAndCancelAfter(options, cases: 7);
        Assert.False(SyntheticCohortGenerator.Generate(options).Reused);
        Assert.True(SyntheticCohortGenerator.Generate(options).Reused);
        GeneratedFolders.AssertIdentical(tiny.Result.OutputDirectory, options.OutputDirectory, "after resuming");
    }

    [Fact]
    public void The_generated_manifest_passes_the_cohort_check_with_the_preset_counts()
    {
        var report = CohortCheck.Run(tiny.Result.ManifestPath);
        Assert.Empty(report.Problems);
        Assert.Equal(
            [new GroupCount("train", 36, 7), new GroupCount("validation", 8, 2), new GroupCount("test-external", 8, 2), new GroupCount("test-prospective", 8, 2)],
            report.Cohorts);
        Assert.Equal(["p1", "p2", "p3", "p4"], report.Centres.Select(c => c.Name).Order());
    }

    [Fact]
    public void Targets_follow_the_stage_counts_of_the_design_in_every_cohort()
    {
        foreach (var cohort in StudyDesign.For(CohortPreset.PetCtTiny).Cohorts)
        {
            var cases = tiny.Cases.Where(c => c.Role == cohort.Role).ToList();
            Assert.Equal(cohort.Positives, cases.Count(c => c.Label == 1));
            Assert.Equal(cohort.Positives - cohort.N2, cases.Count(c => c.Target("n1") == 1));
            Assert.Equal(cohort.N2, cases.Count(c => c.Target("n2") == 1));
        }

        // One stage per patient: n1 and n2 exclusive, pN+ exactly when one of them is set.
        Assert.All(tiny.Cases, c => Assert.Equal(c.Label, c.Target("n1")!.Value + c.Target("n2")!.Value));
    }

    [Fact]
    public void Every_case_has_a_float32_pet_side_and_follow_up()
    {
        foreach (var c in tiny.Cases)
        {
            Assert.Equal(Path.Combine(tiny.Result.OutputDirectory, "images", c.Id + "_pet.nii.gz"), c.Image(ImageKeys.Pet));
            Assert.Contains(c.Clinical.Extra[PetCtPatient.SideColumn], new[] { "left", "right" });
            var followUp = Assert.IsType<FollowUp>(c.FollowUp);
            Assert.InRange(followUp.Time, 0, 60);
        }

        var pet = NiftiReader.Read(tiny.Cases[0].Image(ImageKeys.Pet)!);
        Assert.Equal(16, NiftiDatatype(tiny.Cases[0].Image(ImageKeys.Pet)!)); // NIfTI datatype 16 = float32
        Assert.All(pet.Voxels, v => Assert.True(v >= 0));
        Assert.False(pet.Geometry.SameGrid(NiftiReader.Read(tiny.Cases[0].ImagePath).Geometry));
    }

    [Fact]
    public void The_csv_and_the_datalist_round_trip_pet_targets_side_and_follow_up()
    {
        var json = DatalistJson.Read(tiny.Result.DatalistPath);
        Assert.Equal(tiny.Cases.OrderBy(c => c.Id), json.OrderBy(c => c.Id));
        var header = File.ReadLines(tiny.Result.ManifestPath).First().Split(',');
        Assert.Subset(header.ToHashSet(), new HashSet<string> { "label", "label_n1", "label_n2", "image", "mask", "image_pet", "time", "event", "side" });

        // Written again from what was read, both manifests read back to the same cases.
        CsvManifest.Write(tiny.Cases, tiny.Folder.File("roundtrip.csv"));
        DatalistJson.Write(json, tiny.Folder.File("roundtrip.json"));
        Assert.Equal(tiny.Cases, CsvManifest.Read(tiny.Folder.File("roundtrip.csv")));
        Assert.Equal(json, DatalistJson.Read(tiny.Folder.File("roundtrip.json")));
    }

    private static short NiftiDatatype(string path)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        var header = new byte[348];
        gzip.ReadExactly(header);
        return BitConverter.ToInt16(header, 70);
    }
}
