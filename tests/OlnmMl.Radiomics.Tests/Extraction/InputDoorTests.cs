using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests.Extraction;

/// <summary>Files go through the door checks: an unusable case is one error naming its file, never a row of NaN or a crash deep inside.</summary>
public sealed class InputDoorTests
{
    private static readonly RadiomicsSettings CtB = TestData.LoadPreset("ibsi-ct-b") with { Families = ["morph", "stat", "ih", "glcm"] };

    private static readonly ImageGeometry Grid = ImageGeometry.AxisAligned(GridSize.Cube(10), new Vec3(1, 1, 1));

    // A 10³ image of value `intensity` with a 4³ cube of `label` in the middle, written as NIfTI.
    private static (string Image, string Mask) Case(TempFolder temp, float intensity = 40, float label = 1)
    {
        var image = Volume.Zeros(Grid);
        var mask = Volume.Zeros(Grid);
        for (var i = 0; i < image.Voxels.Length; i++)
        {
            var (x, y, z) = (i % 10, i / 10 % 10, i / 100);
            image.Voxels[i] = intensity + x;
            mask.Voxels[i] = x is >= 3 and < 7 && y is >= 3 and < 7 && z is >= 3 and < 7 ? label : 0;
        }

        var (imagePath, maskPath) = (temp.File($"ct-{Guid.NewGuid():N}.nii.gz"), temp.File($"mask-{Guid.NewGuid():N}.nii.gz"));
        VolumeIO.Write(image, imagePath);
        VolumeIO.Write(mask, maskPath);
        return (imagePath, maskPath);
    }

    private static string CtPhantom(string part, string file) =>
        Path.GetFullPath(Path.Combine(TestData.RepositoryRoot, "..", "shared", "data", "ibsi", "ct_radiomics_phantom", part, file));

    [SkippableFact]
    public void Ct_phantom_mask_saved_as_two_gives_the_volume_of_the_mask_saved_as_one()
    {
        var (image, mask) = (CtPhantom("image", "phantom.nii.gz"), CtPhantom("mask", "mask.nii.gz"));
        Skip.If(!File.Exists(image) || !File.Exists(mask), $"IBSI CT phantom not found at {image}");
        using var temp = new TempFolder();
        var doubled = VolumeIO.Read(mask);
        for (var i = 0; i < doubled.Voxels.Length; i++)
        {
            doubled.Voxels[i] *= 2;
        }

        var twos = temp.File("mask2.nii.gz");
        VolumeIO.Write(doubled, twos, VoxelType.UInt8);
        var extractor = new RadiomicsExtractor(TestData.LoadPreset("ibsi-ct-b") with { Families = ["morph"] });
        double Volume(FeatureSet set) => set.Features.Single(f => f.Name == "original_morph_volume").Value;

        var one = extractor.Extract(image, mask);
        var two = extractor.Extract(image, twos);
        Assert.Equal(Volume(one), Volume(two));
        Assert.InRange(Volume(two), 358_000 - 5_000, 358_000 + 5_000); // IBSI 1 CT phantom, configuration B: 3.58e5 ± 5e3 mm³
        Assert.Contains(two.Warnings, w => w.Contains("single label 2", StringComparison.Ordinal));
    }

    [Fact]
    public void Label_option_selects_one_label_of_a_multi_label_mask_and_its_absence_is_refused()
    {
        using var temp = new TempFolder();
        var (image, single) = Case(temp);
        var twoLabels = VolumeIO.Read(single);
        twoLabels.Voxels[0] = 2; // a one-voxel second label in the corner
        var multi = temp.File("multi.nii.gz");
        VolumeIO.Write(twoLabels, multi);

        var e = Assert.Throws<VolumeFormatException>(() => new RadiomicsExtractor(CtB).Extract(image, multi));
        Assert.Equal((multi, VolumeProblem.MaskLabels), (e.Path, e.Kind));
        var labelOne = new RadiomicsExtractor(CtB, new ExtractionOptions(MaskLabel: 1)).Extract(image, multi);
        Assert.Equal(new RadiomicsExtractor(CtB).Extract(image, single).Features, labelOne.Features);
    }

    [Fact]
    public void Roi_outside_the_resegmentation_range_names_the_range_and_the_fraction_inside()
    {
        using var temp = new TempFolder();
        var (image, mask) = Case(temp, intensity: -1000); // ROI intensities near -997 … -994, range [-500, 400]
        var e = Assert.Throws<VolumeFormatException>(() => new RadiomicsExtractor(CtB).Extract(image, mask));
        Assert.Equal(image, e.Path);
        Assert.Contains("re-segmentation to [-500, 400]", e.Problem);
        Assert.Contains("(0.0 %) lie inside the range", e.Problem);
        Assert.Matches(@"ROI intensities span -99\d to -99\d$", e.Problem); // interpolated to 2 mm, rounded: within -999 … -990
    }

    [Fact]
    public void In_memory_roi_outside_the_range_gives_morphology_and_nan_texture_instead_of_a_crash()
    {
        using var temp = new TempFolder();
        var (imagePath, maskPath) = Case(temp, intensity: -1000);
        var set = new RadiomicsExtractor(CtB).Extract(VolumeIO.Read(imagePath), VolumeIO.Read(maskPath));
        var values = set.Features.ToDictionary(f => f.Name, f => f.Value);
        Assert.True(values["original_morph_volume"] > 0);
        Assert.True(double.IsNaN(values["original_glcm_joint_max_2d_avg"]));
        Assert.Contains(set.Warnings, w => w.Contains("no ROI voxel remains", StringComparison.Ordinal));
    }

    [Fact]
    public void Empty_mask_and_non_finite_image_are_errors_naming_their_file()
    {
        using var temp = new TempFolder();
        var (image, mask) = Case(temp, label: 0);
        var empty = Assert.Throws<VolumeFormatException>(() => new RadiomicsExtractor(CtB).Extract(image, mask));
        Assert.Equal((mask, VolumeProblem.EmptyMask), (empty.Path, empty.Kind));

        var (_, goodMask) = Case(temp);
        var withNan = VolumeIO.Read(image);
        withNan.Voxels[555] = float.NaN;
        var nanImage = temp.File("nan.nii.gz");
        VolumeIO.Write(withNan, nanImage);
        var nan = Assert.Throws<VolumeFormatException>(() => new RadiomicsExtractor(CtB).Extract(nanImage, goodMask));
        Assert.Equal((nanImage, VolumeProblem.NonFiniteVoxels), (nan.Path, nan.Kind));
        Assert.Contains("voxel (5, 5, 5)", nan.Problem);
    }

    [Fact]
    public void A_recipe_spacing_far_below_the_image_spacing_is_refused_before_allocating()
    {
        using var temp = new TempFolder();
        var (image, mask) = Case(temp);
        var fine = CtB with { Interpolation = CtB.Interpolation! with { Spacing = new Vec3(0.01, 0.01, 0.01), InPlaneOnly = false } };
        var e = Assert.Throws<VolumeFormatException>(() => new RadiomicsExtractor(fine).Extract(image, mask));
        Assert.Equal(VolumeProblem.TooLarge, e.Kind);
        Assert.Contains("above the limit of 64,000,000 voxels", e.Problem);
        var limited = new RadiomicsExtractor(CtB, new ExtractionOptions(MaxRoiVoxels: 10));
        Assert.Contains("above the limit of 10 voxels", Assert.Throws<VolumeFormatException>(() => limited.Extract(image, mask)).Problem);
    }
}
