namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm cohort generate</c> with the PET/CT presets, then <c>olnm cohort check</c> on what it wrote.</summary>
[Collection("console")]
public sealed class CohortGenerateCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-cli-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void The_petct_tiny_preset_generates_a_manifest_that_passes_the_check()
    {
        var folder = Path.Combine(_directory, "petct-tiny");

        var (code, output, error) = InProcessOlnm.Run("cohort", "generate", "--preset", "petct-tiny", "--out", folder, "--seed", "3");
        Assert.True(code == 0, error);
        Assert.Contains("60 cases written", output);

        (code, output, error) = InProcessOlnm.Run("cohort", "check", Path.Combine(folder, "manifest.csv"));
        Assert.True(code == 0, error);
        Assert.Contains("test-prospective", output);
        Assert.Contains("manifest OK", output);
    }

    [Fact]
    public void An_unknown_preset_is_one_error_line_listing_the_presets()
    {
        var (code, _, error) = InProcessOlnm.Run("cohort", "generate", "--preset", "petct", "--out", Path.Combine(_directory, "x"));

        Assert.Equal(1, code);
        Assert.Contains("petct-tiny", error);
        Assert.DoesNotContain("   at ", error);
    }
}
