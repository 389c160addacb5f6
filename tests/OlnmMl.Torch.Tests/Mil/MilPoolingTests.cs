using OlnmMl.Torch.Mil;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Tests.Mil;

public sealed class MilPoolingTests
{
    public static TheoryData<MilPoolingKind> Kinds() => new() { MilPoolingKind.Mean, MilPoolingKind.Max, MilPoolingKind.Attention, MilPoolingKind.GatedAttention };

    // Bag 0: instances (1, −2), (3, 4), padding (100, −100); bag 1: (−5, 6), (0, 0), (1, 1).
    private static readonly float[] HandFeatures = [1, -2, 3, 4, 100, -100, -5, 6, 0, 0, 1, 1];
    private static readonly float[] HandMask = [1, 1, 0, 1, 1, 1];

    [Fact]
    public void Masked_mean_equals_the_hand_calculation()
    {
        using var features = tensor(HandFeatures, [2L, 3, 2]);
        using var mask = tensor(HandMask, [2L, 3]);
        using var pooled = new MeanPooling().forward(features, mask);
        // Bag 0: ((1 + 3)/2, (−2 + 4)/2) = (2, 1); bag 1: ((−5 + 0 + 1)/3, (6 + 0 + 1)/3) = (−4/3, 7/3).
        Assert.Equal([2f, 1f, -4f / 3, 7f / 3], pooled.data<float>().ToArray(), new ToleranceComparer(1e-6f));
    }

    [Fact]
    public void Masked_max_equals_the_hand_calculation()
    {
        using var features = tensor(HandFeatures, [2L, 3, 2]);
        using var mask = tensor(HandMask, [2L, 3]);
        using var pooled = new MaxPooling().forward(features, mask);
        // Bag 0: (max(1, 3), max(−2, 4)) = (3, 4) — the padding's 100 is ignored; bag 1: (1, 6).
        Assert.Equal([3f, 4f, 1f, 6f], pooled.data<float>().ToArray());
    }

    [Theory]
    [InlineData(MilPoolingKind.Attention)]
    [InlineData(MilPoolingKind.GatedAttention)]
    public void Attention_over_a_bag_of_one_is_that_instance(MilPoolingKind kind)
    {
        manual_seed(3);
        using var pooling = MilPooling.Create(kind, 6, 4);
        // The bag's one real instance sits next to padding of large values, which must get weight 0.
        using var features = randn([1L, 3, 6]);
        using var mask = tensor(new float[] { 0, 1, 0 }, [1L, 3]);
        using var pooled = pooling.forward(features, mask);
        Assert.Equal(features[0, 1].data<float>().ToArray(), pooled[0].data<float>().ToArray(), new ToleranceComparer(1e-6f));
    }

    [Theory]
    [MemberData(nameof(Kinds))]
    public void Permuting_instances_does_not_change_the_pooled_vector(MilPoolingKind kind)
    {
        manual_seed(5);
        using var pooling = MilPooling.Create(kind, 6, 4);
        using var features = randn([1L, 5, 6]);
        using var mask = tensor(new float[] { 1, 1, 1, 1, 0 }, [1L, 5]);
        using var permutation = tensor(new long[] { 3, 0, 4, 2, 1 });
        using var permutedFeatures = features.index_select(1, permutation);
        using var permutedMask = mask.index_select(1, permutation);
        using var pooled = pooling.forward(features, mask);
        using var permuted = pooling.forward(permutedFeatures, permutedMask);
        Assert.Equal(pooled.data<float>().ToArray(), permuted.data<float>().ToArray(), new ToleranceComparer(1e-5f));
    }
}

/// <summary>Floats equal within an absolute tolerance.</summary>
internal sealed class ToleranceComparer(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float obj) => 0;
}
