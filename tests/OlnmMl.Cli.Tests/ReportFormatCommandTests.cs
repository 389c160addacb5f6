namespace OlnmMl.Cli.Tests;

/// <summary><c>olnm report --format</c>: the formats offered, and PDF refused in one line where Chromium is absent.</summary>
[Collection("console")]
public sealed class ReportFormatCommandTests
{
    [Fact]
    public void PdfIsRefusedInOneLineNamingWhereChromiumWasLookedFor_BeforeTheStudyIsRead()
    {
        var previous = Environment.GetEnvironmentVariable("OLNM_CHROMIUM");
        Environment.SetEnvironmentVariable("OLNM_CHROMIUM", Path.Combine(Path.GetTempPath(), "no-such-chromium-" + Guid.NewGuid().ToString("N")));
        try
        {
            var (code, _, error) = InProcessOlnm.Run("report", "no-such-study", "--format", "pdf");

            Assert.NotEqual(0, code);
            var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
            Assert.Contains("--format pdf: Chromium not found ($OLNM_CHROMIUM, or chromium, chromium-browser or google-chrome on PATH)", line);
            Assert.DoesNotContain("no-such-study", line); // refused before the study is looked up
        }
        finally
        {
            Environment.SetEnvironmentVariable("OLNM_CHROMIUM", previous);
        }
    }

    [Fact]
    public void AnUnknownFormatIsRefusedWithTheFormatsOffered()
    {
        var (code, _, error) = InProcessOlnm.Run("report", "study", "--format", "docx");

        Assert.NotEqual(0, code);
        Assert.Contains("Argument 'docx' not recognized. Must be one of:", error);
        Assert.Equal(["'html'", "'md'", "'pdf'"], error.Split('\n').Select(l => l.Trim()).Where(l => l.StartsWith('\'')));
    }
}
