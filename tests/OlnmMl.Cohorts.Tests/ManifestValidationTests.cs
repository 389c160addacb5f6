using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Validation;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;

namespace OlnmMl.Cohorts.Tests;

public sealed class ManifestValidationTests : IDisposable
{
    private static readonly ImageGeometry Grid = ImageGeometry.AxisAligned(new GridSize(6, 5, 4), new Vec3(0.8, 0.8, 1.5), new Vec3(-10, 4, 2));
    private readonly TempFolder _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Writes a case's image and a mask with one voxel set (or none), optionally on another grid.</summary>
    private Case WriteCase(string id, int label, CohortRole? role = null, bool emptyMask = false, ImageGeometry? maskGrid = null)
    {
        var c = Cases.Make(id, label, role: role, folder: _temp.Path);
        NiftiWriter.Write(Volume.Zeros(Grid), c.ImagePath, VoxelType.Int16);
        var mask = Volume.Zeros(maskGrid ?? Grid);
        if (!emptyMask)
        {
            mask[2, 2, 1] = 1;
        }

        NiftiWriter.Write(mask, c.MaskPath, VoxelType.UInt8);
        return c;
    }

    private CohortCheckReport Check(params Case[] cases)
    {
        var path = _temp.File("manifest.csv");
        CsvManifest.Write(cases, path);
        return CohortCheck.Run(path);
    }

    [Fact]
    public void A_sound_manifest_has_no_problems_and_counts_per_cohort_and_centre()
    {
        var report = Check(
            WriteCase("a", 1), WriteCase("b", 0), WriteCase("c", 0), WriteCase("d", 1, CohortRole.Test("h5")) with { Centre = "h5" });
        Assert.Empty(report.Problems);
        Assert.Equal(4, report.CaseCount);
        Assert.Equal([new GroupCount("train", 3, 1), new GroupCount("test-h5", 1, 1)], report.Cohorts);
        Assert.Equal([new GroupCount("h1", 3, 1), new GroupCount("h5", 1, 1)], report.Centres);
        Assert.Equal(1.0 / 3, report.Cohorts[0].Prevalence, 12);
    }

    [Fact]
    public void A_dicom_folder_is_an_image_column_value_and_an_rtstruct_a_mask_column_value()
    {
        // pydicom's 5-slice CT series (committed with the imaging tests) as case a's image, its mask a NIfTI on that grid;
        // case c: the IBSI PET series and its RTSTRUCT as image and mask columns.
        var series = Path.Combine(_temp.Path, "dicom", "a");
        Directory.CreateDirectory(series);
        var source = Path.Combine(RepositoryRoot(), "tests", "OlnmMl.Imaging.Tests", "Data", "dicom", "pydicom", "CT5N");
        foreach (var file in Directory.GetFiles(source))
        {
            File.Copy(file, Path.Combine(series, Path.GetFileName(file)));
        }

        var a = WriteCase("a", 1).WithImage(ImageKeys.Ct, series);
        var mask = Volume.Zeros(VolumeIO.Read(series).Geometry);
        mask[8, 8, 2] = 1;
        NiftiWriter.Write(mask, a.MaskPath, VoxelType.UInt8);
        var gone = WriteCase("b", 0).WithImage(ImageKeys.Ct, Path.Combine(_temp.Path, "dicom", "b"));
        var ibsi = Path.Combine(RepositoryRoot(), "tests", "OlnmMl.Imaging.Tests", "Data", "dicom", "ibsi_pet");
        var rtstruct = WriteCase("c", 1).WithImage(ImageKeys.Ct, Path.Combine(ibsi, "dicom")).WithImage(ImageKeys.Mask, Path.Combine(ibsi, "RS.dcm"));

        var problem = Assert.Single(Check(a, gone, rtstruct).Problems);

        Assert.Equal(ProblemKind.MissingFile, problem.Kind);
        Assert.Equal("b", problem.CaseId);
        Assert.EndsWith("image 'ct': file (or DICOM folder) not found", problem.Message);
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
    public void A_missing_mask_is_reported_with_case_and_path()
    {
        var gone = WriteCase("b", 0);
        File.Delete(gone.MaskPath);
        var problem = Assert.Single(Check(WriteCase("a", 1), gone).Problems);
        Assert.Equal(ProblemKind.MissingFile, problem.Kind);
        Assert.Equal("b", problem.CaseId);
        Assert.Contains(gone.MaskPath, problem.Message);
        Assert.Contains("'b'", problem.Message);
    }

    [Fact]
    public void A_mask_on_a_shifted_grid_is_not_on_the_image_grid()
    {
        var shifted = Grid with { Origin = new Vec3(-10, 4, 3.5) };
        var problem = Assert.Single(Check(WriteCase("a", 1), WriteCase("b", 0, maskGrid: shifted)).Problems);
        Assert.Equal(ProblemKind.MaskNotOnImageGrid, problem.Kind);
        Assert.Contains("not on the image grid", problem.Message);
    }

    [Fact]
    public void A_mask_of_another_shape_is_not_on_the_image_grid()
    {
        var other = Grid with { Size = new GridSize(6, 5, 5) };
        var problem = Assert.Single(Check(WriteCase("a", 1), WriteCase("b", 0, maskGrid: other)).Problems);
        Assert.Equal(ProblemKind.MaskNotOnImageGrid, problem.Kind);
        Assert.Contains("6×5×5", problem.Message);
    }

    [Fact]
    public void An_empty_mask_is_reported()
    {
        var problem = Assert.Single(Check(WriteCase("a", 1), WriteCase("b", 0, emptyMask: true)).Problems);
        Assert.Equal(ProblemKind.EmptyMask, problem.Kind);
        Assert.Equal("b", problem.CaseId);
    }

    [Fact]
    public void A_single_class_training_set_is_reported()
    {
        var problem = Assert.Single(Check(WriteCase("a", 0), WriteCase("b", 0), WriteCase("c", 1, CohortRole.Validation)).Problems);
        Assert.Equal(ProblemKind.SingleClassTraining, problem.Kind);
        Assert.Contains("target 'label' needs both classes in the training cohort, but all 2 training cases have label = 0", problem.Message);
    }

    [Fact]
    public void Duplicate_ids_are_reported()
    {
        var a = WriteCase("a", 1);
        var problem = Assert.Single(Check(a, WriteCase("b", 0), a).Problems);
        Assert.Equal(ProblemKind.DuplicateId, problem.Kind);
        Assert.Contains("'a' appears 2 times", problem.Message);
    }

    [Fact]
    public void An_unknown_cohort_is_a_malformed_manifest_naming_file_row_and_value()
    {
        var path = _temp.File("bad.csv");
        File.WriteAllText(path, "id,centre,cohort,label,image,mask\nx,h1,train,1,a.nii,b.nii\ny,h1,holdout,0,a.nii,b.nii\n");
        var problem = Assert.Single(CohortCheck.Run(path).Problems);
        Assert.Equal(ProblemKind.MalformedManifest, problem.Kind);
        Assert.Contains(path, problem.Message);
        Assert.Contains("row 3", problem.Message);
        Assert.Contains("unknown cohort 'holdout'", problem.Message);
    }

    [Fact]
    public void An_unknown_datalist_section_is_rejected_by_name()
    {
        var path = _temp.File("bad.json");
        File.WriteAllText(path, """{"name": "x", "training": [], "testing": [{"image": "a.nii", "mask": "b.nii", "label": 0}]}""");
        var e = Assert.Throws<ManifestFormatException>(() => DatalistJson.Read(path));
        Assert.Equal("testing", e.Location);
        Assert.Contains("unknown cohort section 'testing'", e.Message);
    }

    [Fact]
    public void A_bad_clinical_value_names_its_column()
    {
        var path = _temp.File("bad.csv");
        File.WriteAllText(path, "id,cohort,label,image,mask,density\nx,train,1,a.nii,b.nii,cystic\n");
        var e = Assert.Throws<ManifestFormatException>(() => CsvManifest.Read(path));
        Assert.Equal("row 2", e.Location);
        Assert.Contains("column 'density'", e.Message);
    }

    [Fact]
    public void A_missing_required_column_is_named()
    {
        var path = _temp.File("bad.csv");
        File.WriteAllText(path, "id,cohort,image,mask\nx,train,a.nii,b.nii\n");
        var e = Assert.Throws<ManifestFormatException>(() => CsvManifest.Read(path));
        Assert.Contains("required column 'label' is missing", e.Message);
    }

    [Fact]
    public void The_header_probe_reads_the_same_geometry_as_the_full_reader()
    {
        var c = WriteCase("a", 1);
        var probed = VolumeHeader.ReadGeometry(c.ImagePath);
        Assert.True(probed.SameGrid(NiftiReader.Read(c.ImagePath).Geometry, 1e-6));
        Assert.True(probed.SameGrid(Grid, 1e-5));
    }

    /// <summary>Adds a PET on a coarser grid (2 mm) with uniform SUV <paramref name="suv"/>, its origin shifted by <paramref name="shiftMm"/> along x.</summary>
    private Case WithPet(Case c, float suv = 1.5f, double shiftMm = 0)
    {
        var grid = ImageGeometry.AxisAligned(new GridSize(4, 4, 5), new Vec3(2, 2, 2), new Vec3(-11 + shiftMm, 3, 1));
        var pet = Volume.Zeros(grid);
        pet.Voxels.AsSpan().Fill(suv);
        var path = _temp.File($"pet-{c.Id}.nii.gz");
        NiftiWriter.Write(pet, path, VoxelType.Float32);
        return c.WithImage(ImageKeys.Pet, path);
    }

    [Fact]
    public void A_pet_on_its_own_grid_covering_the_tumour_passes()
    {
        Assert.Empty(Check(WithPet(WriteCase("a", 1)), WithPet(WriteCase("b", 0))).Problems);
    }

    [Fact]
    public void A_pet_that_does_not_cover_the_tumour_is_named_with_case_key_and_file()
    {
        // The tumour voxel (2, 2, 1) lies at x = −10 + 2·0.8 = −8.4 mm; a PET starting at x = +89 mm cannot hold it.
        var far = WithPet(WriteCase("b", 0), shiftMm: 100);
        var problem = Assert.Single(Check(WithPet(WriteCase("a", 1)), far).Problems);
        Assert.Equal(ProblemKind.ImageNotOverlapping, problem.Kind);
        Assert.Equal("b", problem.CaseId);
        Assert.Contains("image 'pet' does not cover the tumour", problem.Message);
        Assert.Contains(far.Image(ImageKeys.Pet)!, problem.Message);
    }

    [Fact]
    public void Negative_suvs_are_refused()
    {
        var problem = Assert.Single(Check(WithPet(WriteCase("a", 1)), WithPet(WriteCase("b", 0), suv: -0.25f)).Problems);
        Assert.Equal(ProblemKind.InvalidVolume, problem.Kind);
        Assert.Contains("negative values (minimum -0.25)", problem.Message);
    }

    [Fact]
    public void A_case_missing_one_modality_is_named()
    {
        var problem = Assert.Single(Check(WithPet(WriteCase("a", 1)), WriteCase("b", 0), WithPet(WriteCase("c", 0))).Problems);
        Assert.Equal(ProblemKind.IncompleteKey, problem.Kind);
        Assert.Contains("image 'pet' is given for 2 case(s) but missing for 1, e.g. case 'b'", problem.Message);
    }

    [Fact]
    public void A_further_target_with_one_class_in_training_is_named()
    {
        var problem = Assert.Single(Check(WriteCase("a", 1).WithTarget("n2", 0), WriteCase("b", 0).WithTarget("n2", 0)).Problems);
        Assert.Equal(ProblemKind.SingleClassTraining, problem.Kind);
        Assert.Contains("target 'n2'", problem.Message);
    }
}
