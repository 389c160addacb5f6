namespace OlnmMl.Cli.Tests;

/// <summary>
/// <c>olnm radiomics settings import</c> and <c>--names</c> as a user meets them: the "no equivalent" lines, the recipe
/// written, a parameter file given straight to <c>--settings</c> (its notes as warnings), and a bad file as one error
/// line naming file and key.
/// </summary>
[Collection("console")]
public sealed class RadiomicsSettingsImportCommandTests : IDisposable
{
    private static readonly string Phantom = Path.Combine(RepositoryRoot(), "tests", "OlnmMl.Radiomics.Tests", "Data", "ibsi_digital_phantom");
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-pyradiomics-settings-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ImportPrintsOneLinePerItemWithoutEquivalentAndWritesARecipeThatExtracts()
    {
        var parameters = Write("params.yaml", "imageType:\n  Original: {}\n  LBP2D: {}\nfeatureClass:\n  firstorder:\n  shape2D:\nsetting:\n  binWidth: 1\n  padDistance: 10\n");
        var recipe = Path.Combine(_directory, "recipe.yaml");

        var (code, output, error) = InProcessOlnm.Run("radiomics", "settings", "import", parameters, "--out", recipe);
        var (extractCode, _, extractError) = InProcessOlnm.Run(
            "radiomics", "extract", "--image", Image, "--mask", Mask, "--settings", recipe, "--out", Path.Combine(_directory, "f.csv"));

        Assert.True(code == 0, error);
        Assert.Equal(
            ["imageType LBP2D: no equivalent, skipped", "featureClass shape2D: no equivalent (2D shape), skipped", "setting padDistance 10: no equivalent, skipped", $"recipe 'params' → {recipe}"],
            output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.True(extractCode == 0, extractError);
        var names = File.ReadAllLines(Path.Combine(_directory, "f.csv")).Skip(1).Select(l => l.Split(',')[0]).ToList();
        Assert.Contains("original_firstorder_Mean", names);
        Assert.Contains("original_firstorder_Entropy", names);
        Assert.Contains("original_ih_mode", names);
    }

    [Fact]
    public void NamesOptionOverridesTheRecipeForAParameterFileGivenAsSettings()
    {
        var parameters = Write("params.yaml", "featureClass:\n  glcm: [JointEnergy]\nsetting:\n  binWidth: 1\n");

        var (pyCode, _, pyError) = InProcessOlnm.Run("radiomics", "extract", "--image", Image, "--mask", Mask, "--settings", parameters, "--out", Path.Combine(_directory, "py.csv"));
        var (ibsiCode, _, ibsiError) = InProcessOlnm.Run(
            "radiomics", "extract", "--image", Image, "--mask", Mask, "--settings", parameters, "--names", "ibsi", "--out", Path.Combine(_directory, "ibsi.csv"));

        Assert.True(pyCode == 0 && ibsiCode == 0, pyError + ibsiError);
        Assert.Contains($"warning: {parameters}: featureClass glcm [JointEnergy]: single features cannot be selected, the whole class is extracted", pyError);
        Assert.Contains("original_glcm_JointEnergy,8ZQL,ITBB,", File.ReadAllText(Path.Combine(_directory, "py.csv")));
        Assert.Contains("original_glcm_energy_3d_avg,8ZQL,ITBB,", File.ReadAllText(Path.Combine(_directory, "ibsi.csv")));
    }

    [Fact]
    public void ABadParameterFileIsOneErrorLineNamingFileAndKey()
    {
        var parameters = Write("bad.yaml", "setting:\n  binWidth: 25\n  resegmentRange: [400, -1000]\n");
        var recipe = Path.Combine(_directory, "recipe.yaml");

        var (code, _, error) = InProcessOlnm.Run("radiomics", "settings", "import", parameters, "--out", recipe);

        Assert.Equal(1, code);
        var line = Assert.Single(error.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal($"error: {parameters}: line 3: 'setting.resegmentRange' must be [min, max] with min < max.", line);
        Assert.False(File.Exists(recipe));
    }

    private static string Image => Path.Combine(Phantom, "image", "phantom.nii.gz");

    private static string Mask => Path.Combine(Phantom, "mask", "mask.nii.gz");

    private string Write(string name, string text)
    {
        var path = Path.Combine(_directory, name);
        File.WriteAllText(path, text);
        return path;
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
}
