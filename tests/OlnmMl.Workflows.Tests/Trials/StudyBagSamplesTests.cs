using OlnmMl.Cohorts.Manifest;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Torch.Mil;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Tests.Trials;

public sealed class StudyBagSamplesTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-bags-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// A 6×6×8 CT at 1 mm whose voxels hold their slice index z, and a tumour column at (2, 2) over slices 1 … <paramref name="slices"/>,
    /// so the bag (every mask slice) has <paramref name="slices"/> instances.
    /// </summary>
    private StudyCase Case(string id, string centre, int label, int slices)
    {
        var geometry = ImageGeometry.AxisAligned(new GridSize(6, 6, 8), new Vec3(1, 1, 1));
        var image = Volume.Zeros(geometry);
        var mask = Volume.Zeros(geometry);
        for (var z = 0; z < 8; z++)
        {
            for (var y = 0; y < 6; y++)
            {
                for (var x = 0; x < 6; x++)
                {
                    image[x, y, z] = z;
                }
            }
        }

        for (var z = 1; z <= slices; z++)
        {
            mask[2, 2, z] = 1;
        }

        var ct = Path.Combine(_folder, $"{id}.nii.gz");
        var maskPath = Path.Combine(_folder, $"{id}_mask.nii.gz");
        VolumeIO.Write(image, ct);
        VolumeIO.Write(mask, maskPath, VoxelType.UInt8);
        return new StudyCase(OlnmMl.Cohorts.Manifest.Case.Create(id, centre, CohortRole.Train, label, ct, maskPath), "train", []);
    }

    [Fact]
    public void BagsOfOneThreeAndFiveSlicesCollateWithTheirLabelsCentresAndPaddingMask()
    {
        StudyCase[] cases = [Case("a", "h1", 1, 1), Case("b", "h2", 0, 3), Case("c", "h1", 1, 5)];
        var options = new SliceBagOptions { Size = 4, Channels = [new ChannelRecipe("ct", new IntensityWindow(0, 10))] };
        var bags = new StudyBags(Path.Combine(_folder, "bags"), options);
        bags.Warm(cases);
        var samples = new StudyBagSamples(cases, bags, Targets.Default);
        var batch = new BagBatch(samples, capacity: 3);

        batch.Collate(samples, [0, 1, 2]);

        Assert.Equal(3, Directory.GetFiles(Path.Combine(_folder, "bags")).Length); // warmed to disk
        Assert.Same(bags.Bag(cases[2]), bags.Bag(cases[2])); // then kept in memory
        Assert.Equal((3, 4, 4, 32), (samples.Channels, samples.Height, samples.Width, samples.MaxInstances));
        Assert.Equal([1, 3, 5], Enumerable.Range(0, 3).Select(samples.InstanceCount));
        Assert.Equal([true, false, true], Enumerable.Range(0, 3).Select(samples.Label));
        Assert.Equal(["h1", "h2", "h1"], Enumerable.Range(0, 3).Select(samples.Group));
        Assert.Equal(new long[] { 3, 5, 3, 4, 4 }, batch.InstanceShape);
        Assert.Equal(
            new float[] { 1, 0, 0, 0, 0, /**/ 1, 1, 1, 0, 0, /**/ 1, 1, 1, 1, 1 },
            batch.Mask.ToArray());
        // Bag c, instance 4 is slice 5: its channels −1, 0, +1 hold z = 4, 5, 6, scaled by [0, 10] to 0.4, 0.5, 0.6.
        var instance = batch.Instances.Slice((2 * 5 + 4) * 48, 48);
        Assert.Equal([0.4f, 0.5f, 0.6f], new[] { instance[0], instance[16], instance[32] });
        Assert.All(batch.Instances.Slice(1 * 48, 4 * 48).ToArray(), v => Assert.Equal(0f, v)); // bag a's padding
    }

    [Fact]
    public void CollatingBagsKeptInMemoryAllocatesNothing()
    {
        StudyCase[] cases = [Case("a", "h1", 1, 1), Case("b", "h2", 0, 3)];
        var bags = new StudyBags(Path.Combine(_folder, "bags"), new SliceBagOptions { Size = 4 });
        var samples = new StudyBagSamples(cases, bags, Targets.Default);
        var batch = new BagBatch(samples, capacity: 2);
        int[] indices = [1, 0];
        for (var warm = 0; warm < 3; warm++)
        {
            batch.Collate(samples, indices);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        batch.Collate(samples, indices);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }
}
