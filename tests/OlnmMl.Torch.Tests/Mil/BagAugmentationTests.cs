using OlnmMl.Torch.Mil;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Tests.Mil;

public sealed class BagAugmentationTests
{
    // The eight symmetries of the square applied to [[1, 2], [3, 4]] (row-major), written out by hand:
    // rotations by 0, 90, 180, 270 degrees (counter-clockwise, torch.rot90 over (H, W)) and each followed by a left–right flip.
    private static readonly HashSet<string> Dihedral =
    [
        "1,2,3,4", "2,4,1,3", "4,3,2,1", "3,1,4,2", // rotations
        "2,1,4,3", "4,2,3,1", "3,4,1,2", "1,3,2,4", // rotations, then flipped left–right
    ];

    [Fact]
    public void Every_bag_gets_one_square_symmetry_shared_by_its_instances_and_channels_and_padding_stays_zero()
    {
        // Two bags × two slots × two channels × 2 × 2: slot 0 holds [[1,2],[3,4]] in channel 0 and ten times it in
        // channel 1; bag 0's slot 1 is the same image plus 100; bag 1's slot 1 is padding (zeros).
        float[] image = [1, 2, 3, 4];
        var values = new List<float>();
        foreach (var bag in new[] { 0, 1 })
        {
            values.AddRange(image);
            values.AddRange(image.Select(v => 10 * v));
            values.AddRange(bag == 0 ? image.Select(v => v + 100) : new float[4]);
            values.AddRange(bag == 0 ? image.Select(v => v + 100) : new float[4]);
        }

        using var instances = tensor(values.ToArray(), [2L, 2, 2, 2, 2]);
        var seen = new HashSet<string>();
        var random = new Random(3);
        for (var draw = 0; draw < 64; draw++)
        {
            using var augmented = BagAugmentation.Apply(instances, random);
            var output = augmented.data<float>().ToArray();
            for (var bag = 0; bag < 2; bag++)
            {
                var offset = bag * 16;
                var first = output[offset..(offset + 4)];
                var key = string.Join(',', first);
                Assert.Contains(key, Dihedral);
                seen.Add(key);
                Assert.Equal(first.Select(v => 10 * v), output[(offset + 4)..(offset + 8)]);
                Assert.Equal(bag == 0 ? first.Select(v => v + 100) : new float[4], output[(offset + 8)..(offset + 12)]);
            }
        }

        Assert.Equal(Dihedral, seen); // 128 uniform draws miss one of 8 symmetries with probability < 8·(7/8)^128 ≈ 3e-7
        Assert.Equal(values, instances.data<float>().ToArray()); // the input is left as it was
    }

    [Theory]
    [InlineData(true, false, new[] { "1,2,3,4", "2,4,1,3", "4,3,2,1", "3,1,4,2" })]
    [InlineData(false, true, new[] { "1,2,3,4", "2,1,4,3" })]
    [InlineData(false, false, new[] { "1,2,3,4" })]
    public void Rotations_and_flips_can_be_drawn_alone(bool rotate, bool flip, string[] expected)
    {
        using var instances = tensor(new float[] { 1, 2, 3, 4 }, [1L, 1, 1, 2, 2]);
        var random = new Random(5);
        var seen = new HashSet<string>();
        for (var draw = 0; draw < 64; draw++)
        {
            using var augmented = BagAugmentation.Apply(instances, random, rotate, flip);
            seen.Add(string.Join(',', augmented.data<float>().ToArray()));
        }

        Assert.Equal(expected.ToHashSet(), seen);
    }

    [Fact]
    public void Non_square_instances_are_refused_with_their_shape()
    {
        using var instances = zeros([1L, 1, 1, 2, 3]);
        var error = Assert.Throws<ArgumentException>(() => BagAugmentation.Apply(instances, new Random(1)));
        Assert.Contains("[1, 1, 1, 2, 3]", error.Message);
    }
}
