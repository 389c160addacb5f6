using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests.Jobs;

/// <summary>Radiomics per image key: recipes by key, and per-key tables joined with key-prefixed columns.</summary>
public sealed class RadiomicsImagesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-radiomics-images-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void CtAloneKeepsItsTableAndNames_SeveralKeysAreJoinedWithPrefixedColumns()
    {
        var ct = Write("ct.csv", "id,original_a,original_b\nc1,1.5,2\nc2,3,4\n");
        var pet = Write("pet.csv", "id,original_a\nc2,0.25\nc1,0.75\n");

        Assert.Equal(ct, RadiomicsImages.Join([("ct", ct)]));
        var joined = RadiomicsImages.Join([("ct", ct), ("pet", pet)]);

        Assert.Equal(["id,ct_original_a,ct_original_b,pet_original_a", "c1,1.5,2,0.75", "c2,3,4,0.25"], File.ReadAllLines(joined));
        Assert.StartsWith("radiomics-ct+pet-", Path.GetFileName(joined));
    }

    [Fact]
    public void ACaseMissingFromOneKeysTableIsNamed()
    {
        var ct = Write("ct.csv", "id,f\nc1,1\nc2,2\n");
        var pet = Write("pet.csv", "id,f\nc1,1\n");

        var error = Assert.Throws<OlnmUserException>(() => RadiomicsImages.Join([("ct", ct), ("pet", pet)]));

        Assert.Contains("case 'c2' has no pet radiomics row", error.Message);
        Assert.Contains(pet, error.Message);
    }

    [Fact]
    public void PetKeysGetTheEmbeddedPetRecipe_OtherKeysNeedOne()
    {
        var experiment = Path.Combine(_folder, "experiment.yaml");
        var recipes = RadiomicsImages.Recipes(Data(("radiomics-images", "ct,pet")), experiment, "main.yaml", _folder);

        Assert.Equal(["ct", "pet"], recipes.Select(r => r.Key));
        Assert.Equal("main.yaml", recipes[0].SettingsPath);
        var pet = Radiomics.Settings.RadiomicsSettingsYaml.Load(recipes[1].SettingsPath);
        Assert.Equal(new Radiomics.Settings.DiscretisationSettings(Radiomics.Settings.DiscretisationMethod.FixedBinSize, BinWidth: 0.5), pet.Texture); // IBSI: fixed bin width for SUV
        Assert.Equal("fbs0.5", pet.Histogram.Describe());

        var error = Assert.Throws<OlnmUserException>(() => RadiomicsImages.Recipes(Data(("radiomics-images", "ct,ct_arterial")), experiment, "main.yaml", _folder));
        Assert.Contains("data.options.radiomics-settings-ct_arterial", error.Message);
        Assert.Contains(experiment, error.Message);
    }

    [Fact]
    public void CtPeritumoralReadsTheCtWithTheEmbeddedShellRecipe_OtherImagesNeedTheirOwn()
    {
        var experiment = Path.Combine(_folder, "experiment.yaml");
        var recipes = RadiomicsImages.Recipes(Data(("radiomics-images", "ct,ct-peritumoral")), experiment, "main.yaml", _folder);

        Assert.Equal(["ct", "ct-peritumoral"], recipes.Select(r => r.Key));
        Assert.Equal("ct", RadiomicsImages.ImageOf("ct-peritumoral"));
        var shell = Radiomics.Settings.RadiomicsSettingsYaml.Load(recipes[1].SettingsPath);
        Assert.Equal(new Imaging.Morphology.PeritumoralRegion(0, 3), shell.Peritumoral);
        Assert.DoesNotContain("morph", shell.Families); // the shell's shape is the tumour's

        // A PET shell must not silently take the CT shell recipe (HU range) nor the PET tumour recipe.
        var error = Assert.Throws<OlnmUserException>(() => RadiomicsImages.Recipes(Data(("radiomics-images", "ct,pet-peritumoral")), experiment, "main.yaml", _folder));
        Assert.Contains("data.options.radiomics-settings-pet-peritumoral", error.Message);
    }

    private string Write(string name, string text)
    {
        var path = Path.Combine(_folder, name);
        File.WriteAllText(path, text);
        return path;
    }

    private static ExperimentData Data(params (string Key, string Value)[] options) =>
        new("unused", SelectionStrategy.InternalValidation, [], options.ToImmutableSortedDictionary(o => o.Key, o => o.Value));
}
