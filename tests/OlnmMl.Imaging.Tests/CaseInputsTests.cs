using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.Validation;

namespace OlnmMl.Imaging.Tests;

/// <summary>The door every radiomics case passes: 3D, finite voxels, one mask label, mask on the image.</summary>
public sealed class CaseInputsTests
{
    private static readonly ImageGeometry Grid = ImageGeometry.AxisAligned(GridSize.Cube(4), new Vec3(1, 1, 1));

    private static Volume Mask(params (int Index, float Value)[] voxels)
    {
        var mask = Volume.Zeros(Grid);
        foreach (var (i, v) in voxels)
        {
            mask.Voxels[i] = v;
        }

        return mask;
    }

    [Fact]
    public void A_single_label_other_than_one_becomes_a_binary_mask_with_a_warning()
    {
        var warnings = new List<string>();
        var binary = CaseInputs.Binarise("m.nii", Mask((0, 2), (5, 2)), null, warnings);
        Assert.Equal(2, binary.Voxels.Count(v => v == 1f));
        Assert.Equal(62, binary.Voxels.Count(v => v == 0f));
        Assert.Contains("single label 2", Assert.Single(warnings));
    }

    [Fact]
    public void Several_labels_need_a_choice_and_the_choice_selects_its_voxels()
    {
        var mask = Mask((0, 2), (1, 1), (2, 1));
        var e = Assert.Throws<VolumeFormatException>(() => CaseInputs.Binarise("m.nii", mask, null, []));
        Assert.Equal(VolumeProblem.MaskLabels, e.Kind);
        Assert.Contains("several labels (1: 2 voxels, 2: 1 voxel); choose the ROI with --label", e.Message);
        Assert.Equal([0f, 1f, 1f], CaseInputs.Binarise("m.nii", mask, 1, []).Voxels[..3]);
        Assert.Contains("no voxel with label 3", Assert.Throws<VolumeFormatException>(() => CaseInputs.Binarise("m.nii", mask, 3, [])).Problem);
    }

    [Fact]
    public void Non_integer_and_empty_masks_are_refused()
    {
        Assert.Contains("value 0.5", Assert.Throws<VolumeFormatException>(() => CaseInputs.Binarise("m.nii", Mask((7, 0.5f)), null, [])).Problem);
        Assert.Equal(VolumeProblem.EmptyMask, Assert.Throws<VolumeFormatException>(() => CaseInputs.Binarise("m.nii", Mask(), null, [])).Kind);
    }

    [Fact]
    public void Non_finite_voxels_are_counted_and_located()
    {
        var image = Volume.Zeros(Grid);
        image[1, 2, 3] = float.NaN;
        image[3, 3, 3] = float.PositiveInfinity;
        var e = Assert.Throws<VolumeFormatException>(() => CaseInputs.CheckImage("ct.nii", image));
        Assert.Equal(VolumeProblem.NonFiniteVoxels, e.Kind);
        Assert.Equal("ct.nii: 2 voxel(s) are NaN or infinite, the first at voxel (1, 2, 3) = NaN", e.Message);
    }

    [Fact]
    public void A_single_slice_is_not_three_dimensional()
    {
        var slice = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(8, 8, 1), new Vec3(1, 1, 1)));
        var e = Assert.Throws<VolumeFormatException>(() => CaseInputs.CheckImage("ct.nii", slice));
        Assert.Equal(VolumeProblem.NotThreeDimensional, e.Kind);
        Assert.Contains("8×8×1", e.Problem);
    }

    [Fact]
    public void A_mask_entirely_off_the_image_is_refused_and_a_partly_overlapping_one_passes()
    {
        var far = new Volume(Grid with { Origin = new Vec3(100, 0, 0) }, Enumerable.Repeat(1f, 64).ToArray());
        Assert.Equal(VolumeProblem.MaskOutsideImage, Assert.Throws<VolumeFormatException>(() => CaseInputs.CheckOnImage("m.nii", far, Grid)).Kind);
        var near = new Volume(Grid with { Origin = new Vec3(3, 0, 0) }, Enumerable.Repeat(1f, 64).ToArray()); // its x = 0 column lies on image x = 3
        CaseInputs.CheckOnImage("m.nii", near, Grid);
    }
}
