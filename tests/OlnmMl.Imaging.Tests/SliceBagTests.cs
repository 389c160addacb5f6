using OlnmMl.Imaging.Preprocessing;

namespace OlnmMl.Imaging.Tests;

public sealed class SliceBagTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    /// <summary>Value at channel <paramref name="c"/>, row <paramref name="r"/>, column <paramref name="u"/> of instance <paramref name="i"/>.</summary>
    private static float At(SliceBag bag, int i, int c, int r, int u) => bag.Values[((i * bag.Channels + c) * bag.Size + r) * bag.Size + u];

    [Fact]
    public void EveryMaskSliceIsAnInstanceWithNeighboursAsChannelsCentredOnTheCentroid()
    {
        var bag = SliceBagPreprocessor.Prepare(SliceBagCase.Write(_temp), SliceBagCase.Options());

        Assert.Equal(
            new[] { new SliceInstance(SlicePlane.Axial, 2, 1), new(SlicePlane.Axial, 3, 4), new(SlicePlane.Axial, 4, 2) },
            bag.Instances);
        Assert.Equal(3, bag.Channels);
        Assert.Equal(3 * 3 * 4 * 4, bag.Values.Length);
        // Centroid (5, 5): the 4×4 crop starts at column x = 5 − 2 = 3 and row y = 3. Channel d + 1 is slice z_i + d.
        for (var i = 0; i < 3; i++)
        {
            for (var d = -1; d <= 1; d++)
            {
                Assert.Equal(SliceBagCase.Value(3, 3, 2 + i + d), At(bag, i, d + 1, 0, 0));
                Assert.Equal(SliceBagCase.Value(6, 6, 2 + i + d), At(bag, i, d + 1, 3, 3));
            }
        }

        Assert.Equal(SliceBagCase.Value(5, 4, 3), At(bag, 1, 1, 1, 2)); // row 1 → y 4, column 2 → x 5
    }

    [Fact]
    public void ChannelsAreRecipeChannelMajorThenSliceOffset()
    {
        // A second channel "pet" reads the same file with window [0, 2000]: every value is half the CT channel's.
        var images = new Dictionary<string, string>(SliceBagCase.Write(_temp));
        images["pet"] = images["ct"];
        var options = SliceBagCase.Options() with { Channels = [SliceBagCase.Window, new ChannelRecipe("pet", new IntensityWindow(0, 2000))] };

        var bag = SliceBagPreprocessor.Prepare(images, options);

        Assert.Equal(6, bag.Channels);
        for (var d = -1; d <= 1; d++)
        {
            // Instance 1 is slice 3: channel d + 1 is ct at z = 3 + d, channel 3 + d + 1 is pet at z = 3 + d.
            Assert.Equal(SliceBagCase.Value(3, 3, 3 + d), At(bag, 1, d + 1, 0, 0));
            Assert.Equal((100 * (3 + d) + 34) * (1f / 2000f), At(bag, 1, 3 + d + 1, 0, 0));
        }
    }

    [Fact]
    public void NeighboursBeyondTheImageReplicateTheEdgeSliceAndPixelsOutsideArePadded()
    {
        var images = SliceBagCase.Write(_temp, (0, 0, 0));

        var bag = SliceBagPreprocessor.Prepare(images, SliceBagCase.Options() with { Neighbours = 2 });

        var instance = Assert.Single(bag.Instances);
        Assert.Equal(new SliceInstance(SlicePlane.Axial, 0, 1), instance);
        Assert.Equal(5, bag.Channels);
        // Centroid (0, 0): crop from x = y = −2, so pixel (row 2, column 2) is voxel (0, 0). Offsets −2, −1 clamp to slice 0.
        int[] slices = [0, 0, 0, 1, 2];
        for (var c = 0; c < 5; c++)
        {
            Assert.Equal(SliceBagCase.Value(0, 0, slices[c]), At(bag, 0, c, 2, 2));
            Assert.Equal(0f, At(bag, 0, c, 1, 2)); // y = −1: outside, the window's lower bound scales to 0
            Assert.Equal(0f, At(bag, 0, c, 2, 1)); // x = −1
        }
    }

    [Theory]
    [InlineData(SliceSelection.Largest, 2, 32, new[] { 3, 4 })] // areas 1, 4, 2 at slices 2, 3, 4
    [InlineData(SliceSelection.Largest, 1, 32, new[] { 3 })]
    [InlineData(SliceSelection.EveryNth, 2, 32, new[] { 2, 4 })] // mask slices 2, 3, 4: the 0th and 2nd
    [InlineData(SliceSelection.All, 1, 2, new[] { 3, 4 })] // over the maximum: the two largest, in slice order
    public void SelectionAndMaximumKeepTheDocumentedSlices(SliceSelection selection, int count, int max, int[] slices)
    {
        var options = SliceBagCase.Options() with { Selection = selection, SelectionCount = count, MaxInstances = max };

        var bag = SliceBagPreprocessor.Prepare(SliceBagCase.Write(_temp), options);

        Assert.Equal(slices, bag.Instances.Select(i => i.Index));
        Assert.Equal(SliceBagCase.Value(3, 3, slices[0]), At(bag, 0, 1, 0, 0));
    }

    [Fact]
    public void TiesInCrossSectionGoToTheLowerSlice()
    {
        var options = new SliceBagOptions { Selection = SliceSelection.Largest, SelectionCount = 2 };

        Assert.Equal(new[] { 1, 3 }, SliceBagSelection.Select([0, 5, 2, 5, 5], options)); // slices 1, 3, 4 tie at 5
    }

    [Fact]
    public void OrthogonalPlanesThroughTheCentroidFollowTheAxialSlicesWithinTheMaximum()
    {
        var options = SliceBagCase.Options() with { Orthogonal = true, MaxInstances = 3 };

        var bag = SliceBagPreprocessor.Prepare(SliceBagCase.Write(_temp), options);

        // One axial slot remains (3 − 2): the largest slice 3. Coronal at y = 5 holds (5,5,2), (4,5,3), (5,5,3), (5,5,4),
        // (6,5,4) = 5 voxels; sagittal at x = 5 holds (5,5,2), (5,4,3), (5,5,3), (5,5,4) = 4.
        Assert.Equal(
            new[] { new SliceInstance(SlicePlane.Axial, 3, 4), new(SlicePlane.Coronal, 5, 5), new(SlicePlane.Sagittal, 5, 4) },
            bag.Instances);
        // Coronal: columns x from 3, rows z from 3 − 2 = 1, channel 1 = y 5 (channel 0 = y 4).
        Assert.Equal(SliceBagCase.Value(3, 5, 1), At(bag, 1, 1, 0, 0));
        Assert.Equal(SliceBagCase.Value(4, 4, 2), At(bag, 1, 0, 1, 1));
        // Sagittal: columns y from 3, rows z from 1, channel 2 = x 6.
        Assert.Equal(SliceBagCase.Value(5, 3, 1), At(bag, 2, 1, 0, 0));
        Assert.Equal(SliceBagCase.Value(6, 5, 3), At(bag, 2, 2, 2, 2));
    }

    [Fact]
    public void AnEmptyMaskIsOneErrorNamingTheMaskFile()
    {
        var images = SliceBagCase.Write(_temp, (0, 0, 0));
        Imaging.IO.VolumeIO.Write(Volume.Zeros(Imaging.IO.VolumeIO.Read(images["mask"]).Geometry), images["mask"]);

        var error = Assert.Throws<VolumeFormatException>(() => SliceBagPreprocessor.Prepare(images, SliceBagCase.Options()));

        Assert.Equal(images["mask"], error.Path);
        Assert.Contains("mask is empty", error.Message);
        Assert.Contains("mask.nii.gz", error.Message);
    }

    [Fact]
    public void AMaximumWithoutRoomForAnAxialSliceIsRejected()
    {
        var options = new SliceBagOptions { Orthogonal = true, MaxInstances = 2 };

        Assert.Throws<ArgumentException>(options.Validate);
        Assert.NotEqual(options.Fingerprint(), (options with { MaxInstances = 3 }).Fingerprint());
    }
}
