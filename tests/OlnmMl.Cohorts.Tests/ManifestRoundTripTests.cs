using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Tests;

public class ManifestRoundTripTests
{
    private static List<Case> Sample(string folder)
    {
        var extra = new Dictionary<string, string> { ["smoking"] = "yes, former", ["note"] = "said \"hi\"" };
        return
        [
            Cases.Make("a1", 1, folder: folder) with { LabelN2 = 1, PetPath = $"{folder}/pet/a1.nii.gz",
                Clinical = new ClinicalVariables(61.5, Sex.Female, 1.8, Density.PartSolid, NoduleLocation.Inner, true, extra) },
            Cases.Make("a2", 0, role: CohortRole.Validation, folder: folder),
            Cases.Make("b1", 0, centre: "h5", role: CohortRole.Test("h5"), age: null, sex: null, density: null, location: null, folder: folder),
        ];
    }

    [Fact]
    public void Csv_write_then_read_gives_the_same_cases()
    {
        using var temp = new TempFolder();
        var cases = Sample(temp.Path);
        CsvManifest.Write(cases, temp.File("m.csv"));
        Assert.Equal(cases, CsvManifest.Read(temp.File("m.csv")));
    }

    [Fact]
    public void Datalist_write_then_read_gives_the_same_cases()
    {
        using var temp = new TempFolder();
        var cases = Sample(temp.Path);
        DatalistJson.Write(cases, temp.File("d.json"));
        Assert.Equal(cases, DatalistJson.Read(temp.File("d.json")));
    }

    [Fact]
    public void Csv_paths_are_relative_to_the_manifest_folder()
    {
        using var temp = new TempFolder();
        Directory.CreateDirectory(temp.File("sub"));
        File.WriteAllText(temp.File("sub/m.csv"), "id,centre,cohort,label,image,mask,age\nc1,h1,train,1,../img/c1.nii.gz,c1_mask.nii,70\n");
        var c = Assert.Single(CsvManifest.Read(temp.File("sub/m.csv")));
        Assert.Equal(Path.Combine(temp.Path, "img", "c1.nii.gz"), c.ImagePath);
        Assert.Equal(Path.Combine(temp.Path, "sub", "c1_mask.nii"), c.MaskPath);
        Assert.Equal(70, c.Clinical.Age);
    }

    [Fact]
    public void A_monai_datalist_takes_cohorts_from_sections_and_ids_from_image_names()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("d.json"), """
            {"training": [{"image": "i/p1.nii.gz", "mask": "m/p1.nii.gz", "label": [1]}],
             "validation": [{"image": "i/p2.nii.gz", "mask": "m/p2.nii.gz", "label": 0}],
             "test": [{"image": "i/p3.nii", "mask": "m/p3.nii", "label": 0, "cohort": "test-h6", "sex": "F"}]}
            """);
        var cases = DatalistJson.Read(temp.File("d.json"));
        Assert.Equal(["p1", "p2", "p3"], cases.Select(c => c.Id));
        Assert.Equal(["train", "validation", "test-h6"], cases.Select(c => c.Role.ToString()));
        Assert.Equal([1, 0, 0], cases.Select(c => c.Label));
        Assert.Equal(Sex.Female, cases[2].Clinical.Sex);
    }
}
