using OlnmMl.Torch.Mil;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Tests.Mil;

/// <summary>Bag-level invariances of the whole network (tiny encoder, evaluation mode).</summary>
public sealed class MilNetworkTests
{
    private static MilNetwork Network(MilPoolingKind kind)
    {
        var network = new MilNetwork(new MilNetworkSpec
        {
            Architecture = "resnet10-tiny-2d",
            InstanceShape = [2, SyntheticBags.Edge, SyntheticBags.Edge],
            Pooling = kind.Name(),
            AttentionWidth = 8,
        }, new Generator(11));
        network.eval();
        return network;
    }

    [Theory]
    [MemberData(nameof(MilPoolingTests.Kinds), MemberType = typeof(MilPoolingTests))]
    public void Permuting_a_bags_instances_does_not_change_its_score(MilPoolingKind kind)
    {
        using var network = Network(kind);
        var bag = SyntheticBags.Noise(new Random(1), 5);
        var permuted = new[] { 4, 2, 0, 3, 1 }.SelectMany(i => bag.Skip(i * SyntheticBags.InstanceLength).Take(SyntheticBags.InstanceLength)).ToArray();
        Assert.Equal(Score(network, bag, 5), Score(network, permuted, 5), 5);
    }

    [Theory]
    [MemberData(nameof(MilPoolingTests.Kinds), MemberType = typeof(MilPoolingTests))]
    public void Padding_never_changes_a_score(MilPoolingKind kind)
    {
        using var network = Network(kind);
        var random = new Random(2);
        var small = SyntheticBags.Noise(random, 3);
        var large = SyntheticBags.Noise(random, 9);
        float alone = Score(network, small, 3);
        // The same bag in one batch with a bag of 9: padded with 6 zero instances, mask 0.
        var padded = small.Concat(new float[6 * SyntheticBags.InstanceLength]).Concat(large).ToArray();
        using var instances = tensor(padded, [2L, 9, 2, SyntheticBags.Edge, SyntheticBags.Edge]);
        using var mask = tensor(Enumerable.Repeat(1f, 3).Concat(new float[6]).Concat(Enumerable.Repeat(1f, 9)).ToArray(), [2L, 9]);
        using var noGrad = no_grad();
        using var logits = network.forward(instances, mask);
        Assert.Equal(alone, logits[0].item<float>(), 5);
    }

    private static float Score(MilNetwork network, float[] bag, int count)
    {
        using var noGrad = no_grad();
        using var instances = tensor(bag, [1L, count, 2, SyntheticBags.Edge, SyntheticBags.Edge]);
        using var mask = ones(1, count);
        using var logits = network.forward(instances, mask);
        return logits.item<float>();
    }
}
