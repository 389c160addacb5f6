using OlnmMl.Torch.Mil;

namespace OlnmMl.Torch.Tests.Mil;

public sealed class BagBatchTests
{
    /// <summary>Bags of the given sizes; instance i of bag b, channel c, pixel p holds 1000·(b + 1) + 100·i + 10·c + p (never 0).</summary>
    private sealed class FakeBags(params int[] sizes) : IBagSamples
    {
        public int Count => sizes.Length;
        public int Channels => 2;
        public int Height => 1;
        public int Width => 3;
        public int MaxInstances => 5;
        public int InstanceCount(int index) => sizes[index];
        public bool Label(int index) => index % 2 == 0;
        public string Group(int index) => "c";

        public void CopyInstances(int index, Span<float> destination)
        {
            if (destination.Length != sizes[index] * Channels * Height * Width)
            {
                throw new ArgumentException("destination length");
            }

            for (var k = 0; k < destination.Length; k++)
            {
                int i = k / 6, c = k / 3 % 2, p = k % 3;
                destination[k] = 1000 * (index + 1) + 100 * i + 10 * c + p;
            }
        }
    }

    [Fact]
    public void BagsOfOneThreeAndFiveArePaddedToFiveWithMask()
    {
        var samples = new FakeBags(1, 3, 5);
        var batch = new BagBatch(samples, capacity: 4);

        batch.Collate(samples, [2, 0, 1]);

        Assert.Equal(new long[] { 3, 5, 2, 1, 3 }, batch.InstanceShape);
        Assert.Equal(new long[] { 3, 5 }, batch.MaskShape);
        // Row b = batch position: bag 2 has 5, bag 0 has 1, bag 1 has 3 real instances.
        Assert.Equal(
            new float[] { 1, 1, 1, 1, 1, /**/ 1, 0, 0, 0, 0, /**/ 1, 1, 1, 0, 0 },
            batch.Mask.ToArray());
        var x = batch.Instances;
        Assert.Equal(3 * 5 * 6, x.Length);
        // Batch row 0 = bag 2, instance 4, channel 1, pixel 2: offset (0·5 + 4)·6 + 3 + 2 = 29; value 3000 + 400 + 10 + 2.
        Assert.Equal(3412f, x[29]);
        // Batch row 1 = bag 0, instance 0, channel 0, pixel 0: offset (1·5 + 0)·6 = 30; value 1000.
        Assert.Equal(1000f, x[30]);
        // Its padding: offsets 36..59 are zeros.
        Assert.All(x.Slice(36, 24).ToArray(), v => Assert.Equal(0f, v));
        // Batch row 2 = bag 1, instance 2, channel 0, pixel 1: offset (2·5 + 2)·6 + 1 = 73; value 2000 + 200 + 1.
        Assert.Equal(2201f, x[73]);
        Assert.All(x.Slice(78, 12).ToArray(), v => Assert.Equal(0f, v));
    }

    [Fact]
    public void ReusedBufferClearsStalePaddingAndShrinksToTheBatchsLargestBag()
    {
        var samples = new FakeBags(5, 5, 1, 3);
        var batch = new BagBatch(samples, capacity: 2);
        batch.Collate(samples, [0, 1]); // fills every slot with non-zero values

        batch.Collate(samples, [3, 2]);

        Assert.Equal(new long[] { 2, 3, 2, 1, 3 }, batch.InstanceShape);
        Assert.Equal(new float[] { 1, 1, 1, 1, 0, 0 }, batch.Mask.ToArray());
        // Row 1 = bag 2 (one instance): offsets (1·3 + 1)·6 = 24 .. 35 must be zeros, not bag 0's old values.
        Assert.All(batch.Instances.Slice(24, 12).ToArray(), v => Assert.Equal(0f, v));
        Assert.Equal(3000f, batch.Instances[18]);
    }

    [Fact]
    public void CollateAllocatesNothing()
    {
        var samples = new FakeBags(1, 3, 5);
        var batch = new BagBatch(samples, capacity: 3);
        int[] indices = [0, 1, 2];
        for (var warm = 0; warm < 3; warm++)
        {
            batch.Collate(samples, indices);
        }

        var before = GC.GetAllocatedBytesForCurrentThread();
        batch.Collate(samples, indices);

        Assert.Equal(before, GC.GetAllocatedBytesForCurrentThread());
    }

    [Fact]
    public void TooManyBagsOrAnEmptyBagIsRejected()
    {
        var samples = new FakeBags(1, 0, 5);
        var batch = new BagBatch(samples, capacity: 2);

        Assert.Contains("1 to 2 bags; 3", Assert.Throws<ArgumentException>(() => batch.Collate(samples, [0, 2, 2])).Message);
        Assert.Contains("Bag 1 has 0 instances", Assert.Throws<ArgumentException>(() => batch.Collate(samples, [0, 1])).Message);
    }
}
