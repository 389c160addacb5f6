using OlnmMl.Cli;

namespace OlnmMl.Cli.Tests;

/// <summary>The command line as a user meets it: exit codes and one-line errors that name the file, never a stack trace.</summary>
[Collection("console")]
public sealed class CommandLineTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static (int ExitCode, string Output, string Error) Run(params string[] args) => InProcessOlnm.Run(args);

    [Fact]
    public void HelpListsTheMainJobAndEveryArea()
    {
        var (code, output, _) = Run("--help");

        Assert.Equal(0, code);
        foreach (var command in new[] { "run", "cohort", "radiomics", "stats", "train", "predict", "export", "sweep", "report" })
        {
            Assert.Contains($"  {command}", output);
        }
    }

    [Fact]
    public void TruncatedVolumeIsOneErrorLineNamingTheFile()
    {
        // Valid settings and mask (the preset and the committed IBSI digital phantom), so only the image is wrong:
        // the same command with the phantom's own image succeeds.
        var root = RepositoryRoot();
        var settings = Path.Combine(root, "pipelines", "radiomics", "ibsi-digital-phantom.yaml");
        var phantom = Path.Combine(root, "tests", "OlnmMl.Radiomics.Tests", "Data", "ibsi_digital_phantom");
        var mask = Path.Combine(phantom, "mask", "mask.nii.gz");
        var image = Path.Combine(_directory, "ct.nii.gz");
        File.WriteAllBytes(image, [0x1f, 0x8b, 8, 0, 0, 0, 0, 0]); // a gzip header and nothing else

        var (goodCode, _, goodError) = Run("radiomics", "extract", "--image", Path.Combine(phantom, "image", "phantom.nii.gz"), "--mask", mask, "--settings", settings, "--out", Path.Combine(_directory, "good.csv"));
        var (code, _, error) = Run("radiomics", "extract", "--image", image, "--mask", mask, "--settings", settings, "--out", Path.Combine(_directory, "f.csv"));

        Assert.True(goodCode == 0, goodError);
        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.StartsWith("error: ", line);
        Assert.Contains(image, line);
        Assert.DoesNotContain("   at ", error);
        Assert.False(File.Exists(Path.Combine(_directory, "f.csv")));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OlnmMl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException($"No folder holding OlnmMl.sln above {AppContext.BaseDirectory}.");
    }

    [Fact]
    public void MissingScoreTableIsReportedWithItsPath()
    {
        var missing = Path.Combine(_directory, "scores.csv");

        var (code, _, error) = Run("stats", "roc", "--data", missing, "--label", "y", "--score", "s", "--out", Path.Combine(_directory, "s.json"));

        Assert.Equal(1, code);
        Assert.Contains(missing, error);
    }

    [Fact]
    public void CohortCheckOfAMissingManifestFails()
    {
        var missing = Path.Combine(_directory, "manifest.csv");

        var (code, output, error) = Run("cohort", "check", missing);

        Assert.Equal(1, code);
        Assert.Contains("1 problem(s)", output);
        Assert.Contains(missing, error);
    }

    [Fact]
    public void MissingRequiredOptionIsAUsageError()
    {
        var (code, _, error) = Run("stats", "roc", "--label", "y");

        Assert.NotEqual(0, code);
        Assert.Contains("--data", error);
    }
}
