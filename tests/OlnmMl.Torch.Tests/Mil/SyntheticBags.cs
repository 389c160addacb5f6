using OlnmMl.Torch.Mil;

namespace OlnmMl.Torch.Tests.Mil;

/// <summary>
/// In-memory bags of 16×16 two-channel instances of Gaussian noise (σ = 0.5). In a positive bag, 1 or 2 of its
/// instances (a random subset: the "key instances" of MIL) carry a bright 5×5 square (+2) at a random place in both
/// channels; negative bags have none. Only those instances tell the classes apart.
/// </summary>
internal sealed class SyntheticBags : IBagSamples
{
    public const int Edge = 16;
    private readonly float[][] _bags;
    private readonly bool[] _labels;

    private SyntheticBags(float[][] bags, bool[] labels, int maxInstances)
    {
        _bags = bags;
        _labels = labels;
        MaxInstances = maxInstances;
    }

    public int Count => _bags.Length;

    public int Channels => 2;

    public int Height => Edge;

    public int Width => Edge;

    public int MaxInstances { get; }

    public static int InstanceLength => 2 * Edge * Edge;

    /// <summary><paramref name="positives"/> positive then <paramref name="negatives"/> negative bags of 3 to <paramref name="maxInstances"/> instances.</summary>
    public static SyntheticBags Create(int positives, int negatives, int seed, int maxInstances = 8)
    {
        var random = new Random(seed);
        var labels = Enumerable.Range(0, positives + negatives).Select(i => i < positives).ToArray();
        var bags = labels.Select(positive => Bag(random, random.Next(3, maxInstances + 1), positive)).ToArray();
        return new SyntheticBags(bags, labels, maxInstances);
    }

    /// <summary>Bags given explicitly (each a multiple of <see cref="InstanceLength"/> values), all labelled negative.</summary>
    public static SyntheticBags Of(params float[][] bags) =>
        new(bags, new bool[bags.Length], bags.Max(b => b.Length / InstanceLength));

    /// <summary>Noise instances only (no pattern), <paramref name="count"/> of them.</summary>
    public static float[] Noise(Random random, int count) => Bag(random, count, positive: false);

    public int InstanceCount(int index) => _bags[index].Length / InstanceLength;

    public bool Label(int index) => _labels[index];

    public string Group(int index) => "centre";

    public void CopyInstances(int index, Span<float> destination) => _bags[index].CopyTo(destination);

    private static float[] Bag(Random random, int count, bool positive)
    {
        var values = new float[count * InstanceLength];
        for (int i = 0; i < values.Length; i++)
        {
            values[i] = (float)(0.5 * Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
        }
        if (positive)
        {
            var keys = Enumerable.Range(0, count).OrderBy(_ => random.Next()).Take(random.Next(1, 3));
            foreach (var key in keys)
            {
                int top = random.Next(0, Edge - 5), left = random.Next(0, Edge - 5);
                for (int c = 0; c < 2; c++)
                {
                    for (int y = top; y < top + 5; y++)
                    {
                        for (int x = left; x < left + 5; x++)
                        {
                            values[key * InstanceLength + (c * Edge + y) * Edge + x] += 2f;
                        }
                    }
                }
            }
        }
        return values;
    }
}
