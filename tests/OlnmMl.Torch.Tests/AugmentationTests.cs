using OlnmMl.Torch.Training;
using OlnmMl.Torch.Weights;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Tests;

public sealed class AugmentationTests
{
    /// <summary>A batch of 6 samples [6, 1, 4, 4, 4], sample i holding i·64 + 0 … i·64 + 63 (x fastest).</summary>
    private static Tensor Ramp() => arange(6 * 64, dtype: ScalarType.Float32).reshape(6, 1, 4, 4, 4);

    [Fact]
    public void EveryFlippedSampleIsOneOfTheEightMirrorImagesAndNotAllAreUnflipped()
    {
        using var batch = Ramp();
        using var flipped = RandomFlips.Apply(batch, new Random(3));
        var axes = new[] { 2L, 3L, 4L };
        var mirrors = Enumerable.Range(0, 8).Select(m => axes.Where((_, bit) => (m >> bit & 1) == 1).ToArray()).ToArray();
        int unflipped = 0;
        for (int i = 0; i < 6; i++)
        {
            var sample = flipped.narrow(0, i, 1);
            var match = mirrors.Select(a => a.Length == 0 ? batch.narrow(0, i, 1) : batch.narrow(0, i, 1).flip(a)).ToList().FindIndex(m => m.eq(sample).all().item<bool>());
            Assert.True(match >= 0, $"sample {i} is no mirror image");
            unflipped += match == 0 ? 1 : 0;
        }
        Assert.True(unflipped < 6);
    }

    [Fact]
    public void JitterIsOneAffineMapPerSampleWithinTheStrength()
    {
        // Two voxels of sample i, u and v, map to a·u + b and a·v + b: a = (u' − v') / (u − v), b = u' − a·u.
        using var batch = Ramp();
        using var jittered = IntensityJitter.Apply(batch, new Random(4), 0.1);
        var input = batch.data<float>().ToArray();
        var output = jittered.data<float>().ToArray();
        for (int i = 0; i < 6; i++)
        {
            double a = (output[i * 64 + 63] - output[i * 64]) / 63.0;
            double b = output[i * 64] - a * input[i * 64];
            Assert.InRange(a, 0.9, 1.1);
            Assert.InRange(b, -0.1, 0.1);
            Assert.Equal(a * input[i * 64 + 21] + b, output[i * 64 + 21], 3);
        }
    }

    [Fact]
    public void ShiftsMoveTheWholeSampleByAtMostTheLimitAndFillWithZero()
    {
        // One voxel of 1 at (z, y, x) = (2, 2, 2) in a 5³ cube: after the shift it sits at (2 + dz, 2 + dy, 2 + dx) with each |d| ≤ 1.
        var voxels = new float[8 * 125];
        for (int i = 0; i < 8; i++)
        {
            voxels[i * 125 + 62] = 1f; // 62 = 2·25 + 2·5 + 2
        }
        using var batch = tensor(voxels, [8, 1, 5, 5, 5]);
        using var shifted = RandomShifts.Apply(batch, new Random(5), 1);
        var moves = new HashSet<(long, long, long)>();
        for (int i = 0; i < 8; i++)
        {
            var sample = shifted.narrow(0, i, 1).reshape(125);
            Assert.Equal(1f, sample.sum().item<float>());
            long index = sample.argmax().item<long>();
            var (dz, dy, dx) = (index / 25 - 2, index / 5 % 5 - 2, index % 5 - 2);
            Assert.True(Math.Abs(dz) <= 1 && Math.Abs(dy) <= 1 && Math.Abs(dx) <= 1);
            moves.Add((dz, dy, dx));
        }
        Assert.True(moves.Count > 1);
    }

    [Fact]
    public void WrittenStateDictReadsBackWithItsTypesShapesAndValues()
    {
        string path = Path.Combine(Path.GetTempPath(), $"olnm-writer-{Guid.NewGuid():N}.pth");
        using var weight = arange(6, dtype: ScalarType.Float32).reshape(2, 3).t(); // non-contiguous view: written as its values [[0, 3], [1, 4], [2, 5]]
        using var count = tensor(7L);
        PyTorchStateDictWriter.Write(path, [KeyValuePair.Create("w", weight), KeyValuePair.Create("n", count)]);
        var read = PyTorchStateDict.Read(path);
        File.Delete(path);
        Assert.Equal(new long[] { 3, 2 }, read["w"].shape);
        Assert.Equal(new float[] { 0, 3, 1, 4, 2, 5 }, read["w"].data<float>().ToArray());
        Assert.Equal(ScalarType.Int64, read["n"].dtype);
        Assert.Equal(7L, read["n"].item<long>());
    }
}
