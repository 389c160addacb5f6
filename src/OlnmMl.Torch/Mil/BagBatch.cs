namespace OlnmMl.Torch.Mil;

/// <summary>
/// A reusable mini-batch of bags, collated from <see cref="IBagSamples"/> into buffers allocated once for the largest
/// batch: <see cref="Instances"/> of shape [B, N, C, H, W] and <see cref="Mask"/> of shape [B, N], where B is the number
/// of bags collated and N = max over the batch of <see cref="IBagSamples.InstanceCount"/> (never more than
/// <see cref="IBagSamples.MaxInstances"/>). Bag b's instance i (i &lt; n_b) sits at offset (b·N + i)·C·H·W;
/// instances i ≥ n_b are zeros, and Mask[b·N + i] = 1 when i &lt; n_b, else 0. <see cref="Collate"/> allocates nothing.
/// Not thread-safe: one batch per reader.
/// </summary>
public sealed class BagBatch
{
    private readonly float[] _instances;
    private readonly float[] _mask;

    /// <summary>Buffers for up to <paramref name="capacity"/> bags of the shape <paramref name="samples"/> states.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="capacity"/> or a stated size is not positive.</exception>
    public BagBatch(IBagSamples samples, int capacity)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(capacity);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples.MaxInstances);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples.Channels);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples.Height);
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(samples.Width);
        Capacity = capacity;
        MaxInstances = samples.MaxInstances;
        Channels = samples.Channels;
        Height = samples.Height;
        Width = samples.Width;
        _instances = new float[checked((long)capacity * MaxInstances * InstanceLength)];
        _mask = new float[capacity * MaxInstances];
    }

    /// <summary>The most bags one batch holds.</summary>
    public int Capacity { get; }

    /// <summary>The most instances one bag holds (the samples' <see cref="IBagSamples.MaxInstances"/>).</summary>
    public int MaxInstances { get; }

    /// <summary>Channels C of one instance.</summary>
    public int Channels { get; }

    /// <summary>Height H of one instance.</summary>
    public int Height { get; }

    /// <summary>Width W of one instance.</summary>
    public int Width { get; }

    /// <summary>Values per instance: C·H·W.</summary>
    public int InstanceLength => Channels * Height * Width;

    /// <summary>B: bags in the last collated batch.</summary>
    public int Bags { get; private set; }

    /// <summary>N: instances per bag after padding (the last batch's largest bag).</summary>
    public int InstancesPerBag { get; private set; }

    /// <summary>The instances of the last batch: B·N·C·H·W values, bag-major, then instance, C, H, W (x fastest).</summary>
    public ReadOnlySpan<float> Instances => _instances.AsSpan(0, Bags * InstancesPerBag * InstanceLength);

    /// <summary>The instance mask of the last batch: B·N values, 1 for a real instance, 0 for padding.</summary>
    public ReadOnlySpan<float> Mask => _mask.AsSpan(0, Bags * InstancesPerBag);

    /// <summary>The shape of <see cref="Instances"/>: [B, N, C, H, W].</summary>
    public long[] InstanceShape => [Bags, InstancesPerBag, Channels, Height, Width];

    /// <summary>The shape of <see cref="Mask"/>: [B, N].</summary>
    public long[] MaskShape => [Bags, InstancesPerBag];

    /// <summary>Collates the bags <paramref name="indices"/> of <paramref name="samples"/> (in that order) into this batch.</summary>
    /// <exception cref="ArgumentException">
    /// There are no or more than <see cref="Capacity"/> indices, the samples' instance shape differs from this batch's, or a
    /// bag's instance count is outside 1..<see cref="MaxInstances"/>.
    /// </exception>
    public void Collate(IBagSamples samples, ReadOnlySpan<int> indices)
    {
        if (indices.Length == 0 || indices.Length > Capacity)
        {
            throw new ArgumentException($"A batch holds 1 to {Capacity} bags; {indices.Length} were given.", nameof(indices));
        }

        if (samples.Channels != Channels || samples.Height != Height || samples.Width != Width || samples.MaxInstances > MaxInstances)
        {
            throw new ArgumentException(
                $"The samples' instances are [{samples.Channels}, {samples.Height}, {samples.Width}] with up to {samples.MaxInstances} per bag; this batch holds [{Channels}, {Height}, {Width}] with up to {MaxInstances}.",
                nameof(samples));
        }

        var largest = 0;
        foreach (var index in indices)
        {
            var count = samples.InstanceCount(index);
            if (count < 1 || count > MaxInstances)
            {
                throw new ArgumentException($"Bag {index} has {count} instances; a bag holds 1 to {MaxInstances}.", nameof(indices));
            }

            largest = Math.Max(largest, count);
        }

        Bags = indices.Length;
        InstancesPerBag = largest;
        var length = InstanceLength;
        for (var b = 0; b < indices.Length; b++)
        {
            var count = samples.InstanceCount(indices[b]);
            var bag = _instances.AsSpan(b * largest * length, largest * length);
            samples.CopyInstances(indices[b], bag[..(count * length)]);
            bag[(count * length)..].Clear();
            var mask = _mask.AsSpan(b * largest, largest);
            mask[..count].Fill(1f);
            mask[count..].Clear();
        }
    }
}
