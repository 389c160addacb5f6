using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Cohorts.Validation;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Cohorts.Tests;

/// <summary>The tiny study generated once with 2 workers (seed 1), shared by the tests below.</summary>
public sealed class TinyCohortFixture : IDisposable
{
    public TinyCohortFixture()
    {
        Options = new SyntheticCohortOptions { OutputDirectory = Folder.File("tiny"), Preset = CohortPreset.Tiny, Seed = 1, MaxDegreeOfParallelism = 2 };
        var reports = new List<CohortProgress>();
        Result = SyntheticCohortGenerator.Generate(Options, new SynchronousProgress(reports));
        Progress = reports;
    }

    public TempFolder Folder { get; } = new();

    public SyntheticCohortOptions Options { get; }

    public SyntheticCohortResult Result { get; }

    public IReadOnlyList<CohortProgress> Progress { get; }

    public void Dispose() => Folder.Dispose();
}

internal sealed class SynchronousProgress(List<CohortProgress> reports) : IProgress<CohortProgress>
{
    public void Report(CohortProgress value)
    {
        lock (reports)
        {
            reports.Add(value);
        }
    }
}

internal sealed class CallbackProgress(Action<CohortProgress> report) : IProgress<CohortProgress>
{
    public void Report(CohortProgress value) => report(value);
}

public sealed class SyntheticCohortGeneratorTests(TinyCohortFixture tiny) : IClassFixture<TinyCohortFixture>
{
    [Fact]
    public void The_same_seed_gives_byte_identical_files_whatever_the_parallelism()
    {
        var again = tiny.Options with { OutputDirectory = tiny.Folder.File("again"), MaxDegreeOfParallelism = 1 };
        SyntheticCohortGenerator.Generate(again);
        GeneratedFolders.AssertIdentical(tiny.Result.OutputDirectory, again.OutputDirectory, "between two runs with seed 1");
    }

    [Fact]
    public void An_interrupted_run_resumes_to_the_same_files()
    {
        var options = tiny.Options with { OutputDirectory = tiny.Folder.File("resumed"), MaxDegreeOfParallelism = 1 };
        GeneratedFolders.GenerateAndCancelAfter(options, cases: 5);
        Assert.False(File.Exists(Path.Combine(options.OutputDirectory, "manifest.csv")));

        var result = SyntheticCohortGenerator.Generate(options);
        Assert.False(result.Reused);
        GeneratedFolders.AssertIdentical(tiny.Result.OutputDirectory, options.OutputDirectory, "after resuming");
    }

    [Fact]
    public void Another_seed_gives_other_images()
    {
        var design = StudyDesign.For(CohortPreset.Tiny);
        var slot = design.Slots()[0];
        var a = SyntheticCase.Create(design, slot, 1).Image.Voxels;
        var b = SyntheticCase.Create(design, slot, 2).Image.Voxels;
        Assert.False(a.AsSpan().SequenceEqual(b));
    }

    [Fact]
    public void A_complete_output_is_reused_and_progress_reaches_the_total()
    {
        var result = SyntheticCohortGenerator.Generate(tiny.Options);
        Assert.True(result.Reused);
        Assert.False(tiny.Result.Reused);
        Assert.Equal(41, tiny.Progress.Count);
        Assert.Equal(Enumerable.Range(1, 41), tiny.Progress.Select(p => p.Completed).Order());
        Assert.All(tiny.Progress, p => Assert.Equal(41, p.Total));
    }

    [Fact]
    public void The_generated_manifest_passes_the_cohort_check_with_the_preset_counts()
    {
        var report = CohortCheck.Run(tiny.Result.ManifestPath);
        Assert.Empty(report.Problems);
        Assert.Equal(
            [new GroupCount("train", 16, 8), new GroupCount("validation", 6, 3), new GroupCount("test-h5", 10, 2), new GroupCount("test-h6", 9, 2)],
            report.Cohorts);
        Assert.Equal(6, report.Centres.Count);
    }

    [Fact]
    public void The_datalist_and_the_csv_describe_the_same_cases()
    {
        var csv = CsvManifest.Read(tiny.Result.ManifestPath);
        var json = DatalistJson.Read(tiny.Result.DatalistPath);
        Assert.Equal(csv.OrderBy(c => c.Id), json.OrderBy(c => c.Id));
        Assert.All(csv.Where(c => c.Centre == "h6"), c => Assert.True(c.Clinical.ContrastEnhanced));
        Assert.All(csv.Where(c => c.Label == 0), c => Assert.Equal(0, c.Target("n2")));
    }

    [Fact]
    public void Volumes_are_int16_ct_with_a_uint8_mask_on_the_centre_grid()
    {
        var c = CsvManifest.Read(tiny.Result.ManifestPath).First(c => c.Centre == "h6");
        var image = NiftiReader.Read(c.ImagePath);
        var mask = NiftiReader.Read(c.MaskPath);
        Assert.Equal(4, BitConverter.ToInt16(HeaderBytes(c.ImagePath), 70)); // NIfTI datatype 4 = int16
        Assert.Equal(2, BitConverter.ToInt16(HeaderBytes(c.MaskPath), 70)); // 2 = uint8
        Assert.True(image.Geometry.SameGrid(mask.Geometry));
        Assert.Equal((48, 48, 18), (image.Size.X, image.Size.Y, image.Size.Z)); // 36 mm / 2 mm slices
        Assert.Equal(2.0, image.Geometry.Spacing.Z, 5);
        Assert.All(image.Voxels, v => Assert.Equal(Math.Round(v), v));
    }

    private static byte[] HeaderBytes(string path)
    {
        using var gzip = new System.IO.Compression.GZipStream(File.OpenRead(path), System.IO.Compression.CompressionMode.Decompress);
        var header = new byte[348];
        gzip.ReadExactly(header);
        return header;
    }
}
