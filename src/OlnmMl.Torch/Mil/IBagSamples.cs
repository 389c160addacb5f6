namespace OlnmMl.Torch.Mil;

/// <summary>
/// The patients a multi-instance network trains on, each a bag of 2D instances (2.5D slices: a slice and its
/// neighbours as channels), read bag by bag into a mini-batch. Bags differ in size; every instance has the same
/// [C, H, W] shape. Implementations must be safe to read from one thread at a time; sizes are stated, not inferred.
/// </summary>
public interface IBagSamples
{
    /// <summary>Number of bags (patients).</summary>
    int Count { get; }

    /// <summary>Channels of one instance (e.g. 3 for slices −1, 0, +1).</summary>
    int Channels { get; }

    /// <summary>Height of one instance, in pixels.</summary>
    int Height { get; }

    /// <summary>Width of one instance, in pixels.</summary>
    int Width { get; }

    /// <summary>The largest bag a network reads; bags are padded to the batch's largest, never beyond this.</summary>
    int MaxInstances { get; }

    /// <summary>Instances in bag <paramref name="index"/>: 1 ≤ n ≤ <see cref="MaxInstances"/>.</summary>
    int InstanceCount(int index);

    /// <summary>The label of bag <paramref name="index"/> (true = positive).</summary>
    bool Label(int index);

    /// <summary>The group (centre) of bag <paramref name="index"/>.</summary>
    string Group(int index);

    /// <summary>
    /// Copies bag <paramref name="index"/>'s instances into <paramref name="destination"/>:
    /// <see cref="InstanceCount"/> · C · H · W values, instance-major, then C, H, W (x fastest).
    /// </summary>
    void CopyInstances(int index, Span<float> destination);
}
