using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Tests;

public class ManifestRoundTripTests
{
    private static List<Case> Sample(string folder)
    {
        var extra = new Dictionary<string, string> { ["smoking"] = "yes, former", ["note"] = "said \"hi\"" };
        return
        [
            (Cases.Make("a1", 1, folder: folder) with
            {
                FollowUp = new FollowUp(26.5, true),
                Clinical = new ClinicalVariables(61.5, Sex.Female, 1.8, Density.PartSolid, NoduleLocation.Inner, true, extra),
            }).WithTarget("n2", 1).WithTarget("n1", 0).WithImage(ImageKeys.Pet, $"{folder}/pet/a1.nii.gz").WithImage("ct_arterial", $"{folder}/art/a1.nii.gz"),
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

    [Fact]
    public void Named_image_columns_targets_and_follow_up_map_onto_the_case()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("m.csv"),
            "id,cohort,label,label_n1,label_n2,image_ct,image_mask,image_pet,time,event,smoker\n" +
            "c1,train,1,0,1,ct/c1.nii.gz,mask/c1.nii.gz,pet/c1.nii.gz,12.5,1,yes\n");
        var c = Assert.Single(CsvManifest.Read(temp.File("m.csv")));
        Assert.Equal(["ct", "mask", "pet"], c.Images.Keys.Order(StringComparer.Ordinal));
        Assert.Equal(Path.Combine(temp.Path, "pet", "c1.nii.gz"), c.Image(ImageKeys.Pet));
        Assert.Equal((1, 0, 1), (c.Label, c.Target("n1"), c.Target("n2")));
        Assert.Equal(new FollowUp(12.5, true), c.FollowUp);
        Assert.Equal("yes", c.Clinical.Extra["smoker"]); // not an image, target or follow-up column: a clinical extra
        Assert.False(c.Clinical.Extra.ContainsKey("image_pet"));
    }

    [Fact]
    public void Old_pet_and_label_n2_columns_read_as_the_pet_image_and_the_n2_target()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("m.csv"), "id,cohort,label,label_n2,image,mask,pet\nc1,train,1,1,i.nii,m.nii,p.nii\n");
        var c = Assert.Single(CsvManifest.Read(temp.File("m.csv")));
        Assert.Equal(Path.Combine(temp.Path, "p.nii"), c.Image(ImageKeys.Pet));
        Assert.Equal(1, c.Target("n2"));
    }

    [Fact]
    public void A_datalist_keeps_its_image_keys_as_written()
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("d.json"), """
            {"training": [{"image": "i/p1.nii.gz", "mask": "m/p1.nii.gz", "image_ct_arterial": "a/p1.nii.gz", "label": 1, "label_n1": [1], "time": 30, "event": false}]}
            """);
        var c = Assert.Single(DatalistJson.Read(temp.File("d.json")));
        Assert.Equal(Path.Combine(temp.Path, "a", "p1.nii.gz"), c.Image("ct_arterial"));
        Assert.Equal(1, c.Target("n1"));
        Assert.Equal(new FollowUp(30, false), c.FollowUp);
    }

    [Theory]
    [InlineData("id,cohort,label,image,image_ct,mask\nc1,train,1,a.nii,b.nii,m.nii\n", "image 'ct' has two columns")]
    [InlineData("id,cohort,label,image\nc1,train,1,a.nii\n", "'mask' (or 'image_mask') is missing")]
    [InlineData("id,cohort,label,image,mask,time,event\nc1,train,1,a.nii,m.nii,12,\n", "needs both 'time' and 'event'")]
    [InlineData("id,cohort,label,image,mask,time,event\nc1,train,1,a.nii,m.nii,-1,0\n", "follow-up time -1 is negative")]
    [InlineData("id,cohort,label,label_n1,image,mask\nc1,train,1,maybe,a.nii,m.nii\n", "column 'label_n1'")]
    public void A_bad_manifest_is_refused_with_the_file_and_the_problem(string csv, string expected)
    {
        using var temp = new TempFolder();
        File.WriteAllText(temp.File("m.csv"), csv);
        var error = Assert.Throws<ManifestFormatException>(() => CsvManifest.Read(temp.File("m.csv")));
        Assert.Contains(expected, error.Message);
        Assert.Contains("m.csv", error.Message);
    }
}
