using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Imaging.Tests;

public sealed class PreprocessingTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void ReferenceWindowMapsLungRangeToUnitIntervalWithClipping()
    {
        float[] hu = [-2000, -1600, -600, 400, 1000];

        IntensityWindow.ReferenceLung.ApplyInPlace(hu);

        // (v + 1600) / 2000: −600 → 0.5; outside values clip to 0 and 1.
        Assert.Equal(new[] { 0f, 0f, 0.5f, 1f, 1f }, hu);
        Assert.Equal(new IntensityWindow(-1600, 400), IntensityWindow.FromLevelWidth(-600, 2000));
    }

    [Fact]
    public void CropIsCentredOnMaskAndPadsOutsideImage()
    {
        var image = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(10, 10, 10), new Vec3(1, 1, 1)));
        for (var i = 0; i < image.Voxels.Length; i++)
        {
            image.Voxels[i] = i;
        }

        var mask = Volume.Zeros(image.Geometry);
        mask[1, 2, 3] = 1;
        mask[2, 2, 3] = 1; // bounding box x 1..2 → centre voxel (1 + 2 + 1)/2 = 2

        var bounds = MaskBounds.Of(mask)!.Value;
        var start = CubeCrop.Start(bounds, 4); // x: 2 − 2 = 0; y: (2+2+1)/2 − 2 = 0; z: (3+3+1)/2 − 2 = 1
        var crop = CubeCrop.Extract(image, start, 4, padValue: -1);

        Assert.Equal((0, 0, 1), start);
        Assert.Equal(image[0, 0, 1], crop[0, 0, 0]);
        Assert.Equal(image[3, 3, 4], crop[3, 3, 3]);
        Assert.Equal(new Vec3(0, 0, 1), crop.Geometry.Origin);

        var padded = CubeCrop.Extract(image, (8, 8, 8), 4, padValue: -1);
        Assert.Equal(image[9, 9, 9], padded[1, 1, 1]);
        Assert.Equal(-1f, padded[2, 1, 1]);
    }

    [Fact]
    public void EmptyMaskHasNoBounds() =>
        Assert.Null(MaskBounds.Of(Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(3, 3, 3), new Vec3(1, 1, 1)))));

    [Theory]
    [InlineData(Rotation90.Plane.XY)]
    [InlineData(Rotation90.Plane.XZ)]
    [InlineData(Rotation90.Plane.YZ)]
    public void FourQuarterTurnsAreIdentityAndOneTurnMovesVoxels(Rotation90.Plane plane)
    {
        var volume = Volume.Zeros(ImageGeometry.AxisAligned(GridSize.Cube(3), new Vec3(1, 1, 1)));
        for (var i = 0; i < volume.Voxels.Length; i++)
        {
            volume.Voxels[i] = i;
        }

        var once = Rotation90.Rotate(volume, 1, plane);
        var back = Rotation90.Rotate(Rotation90.Rotate(Rotation90.Rotate(once, 1, plane), 1, plane), 1, plane);

        Assert.Equal(volume.Voxels, back.Voxels);
        Assert.NotEqual(volume.Voxels, once.Voxels);
        Assert.Equal(Rotation90.Rotate(volume, -1, plane).Voxels, Rotation90.Rotate(volume, 3, plane).Voxels);
        Assert.Equal(volume[1, 1, 1], once[1, 1, 1]); // the centre is fixed
    }

    [Fact]
    public void QuarterTurnInXyFollowsDocumentedMapping()
    {
        var volume = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(2, 2, 1), new Vec3(1, 1, 1)));
        volume[1, 0, 0] = 5; // output(x, y) = input(y, n − 1 − x): input (1, 0) lands at x = 1, y = 1

        var rotated = Rotation90.Rotate(volume, 1, Rotation90.Plane.XY);

        Assert.Equal(5f, rotated[1, 1, 0]);
        Assert.Equal(0f, rotated[1, 0, 0]);
    }

    [Fact]
    public void CasePreprocessorCropsScalesAndCaches()
    {
        var geometry = ImageGeometry.AxisAligned(new GridSize(20, 20, 8), new Vec3(0.8, 0.8, 2), new Vec3(-5, -5, -5));
        var image = Volume.Zeros(geometry);
        Array.Fill(image.Voxels, -600f);
        var mask = Volume.Zeros(geometry);
        for (var z = 3; z <= 4; z++)
        {
            for (var y = 8; y <= 11; y++)
            {
                for (var x = 8; x <= 11; x++)
                {
                    mask[x, y, z] = 1;
                    image[x, y, z] = 40;
                }
            }
        }

        var imagePath = _temp.File("ct.nii.gz");
        var maskPath = _temp.File("mask.nii.gz");
        VolumeIO.Write(image, imagePath, VoxelType.Int16);
        VolumeIO.Write(mask, maskPath, VoxelType.UInt8);
        var options = new CropOptions { Edge = 24 }; // the image spans 16 mm: the cube overhangs it
        var cache = new PreparedCaseCache(_temp.File("cache"));

        var first = cache.GetOrPrepare(imagePath, maskPath, null, options);
        var second = cache.GetOrPrepare(imagePath, maskPath, null, options);

        Assert.Single(first.Channels);
        Assert.Equal(24 * 24 * 24, first.Mask.Length);
        Assert.Equal(first.Channels[0], second.Channels[0]);
        Assert.Single(Directory.GetFiles(cache.Directory));
        var inside = first.Channels[0].Where((_, i) => first.Mask[i] > 0.5f).ToArray();
        Assert.NotEmpty(inside);
        Assert.All(inside, v => Assert.InRange(v, 0.5f, 0.83f)); // between −600 HU (0.5) and 40 HU (0.82)
        Assert.Contains(first.Channels[0], v => v == 0f); // padding outside the image uses the window's lower bound
    }

    [Fact]
    public void MaskOffTheImageGridIsNamed()
    {
        var image = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(4, 4, 4), new Vec3(1, 1, 1)));
        var mask = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(4, 4, 5), new Vec3(1, 1, 1)));
        mask[1, 1, 1] = 1;
        var imagePath = _temp.File("ct.nii");
        var maskPath = _temp.File("m.nii");
        VolumeIO.Write(image, imagePath);
        VolumeIO.Write(mask, maskPath);

        var error = Assert.Throws<VolumeFormatException>(() => CasePreprocessor.Prepare(imagePath, maskPath, null, new CropOptions { Edge = 4 }));

        Assert.Equal(maskPath, error.Path);
        Assert.Contains("not on the image grid", error.Problem);
    }

    [Fact]
    public void MaskLargerThanCropIsAnError()
    {
        var image = Volume.Zeros(ImageGeometry.AxisAligned(new GridSize(8, 8, 8), new Vec3(1, 1, 1)));
        var mask = image.Clone();
        Array.Fill(mask.Voxels, 1f);
        var imagePath = _temp.File("ct.nii");
        var maskPath = _temp.File("m.nii");
        VolumeIO.Write(image, imagePath);
        VolumeIO.Write(mask, maskPath);

        var error = Assert.Throws<VolumeFormatException>(() => CasePreprocessor.Prepare(imagePath, maskPath, null, new CropOptions { Edge = 4 }));

        Assert.Contains("cannot contain the mask", error.Problem);
    }
}
