namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// A case as a bag of 2D instances (<see cref="SliceBagOptions"/>): <see cref="Instances"/> says where each was cut;
/// <see cref="Values"/> holds them instance-major, then channel, row, column (column fastest):
/// value (i, c, r, u) at ((i·C + c)·S + r)·S + u.
/// </summary>
/// <param name="Channels">Channels C per instance.</param>
/// <param name="Size">Instance edge S.</param>
/// <param name="Instances">The instances, in bag order.</param>
/// <param name="Values">Instances.Length · C · S² values.</param>
public sealed record SliceBag(int Channels, int Size, IReadOnlyList<SliceInstance> Instances, float[] Values)
{
    /// <summary>Instances in the bag.</summary>
    public int Count => Instances.Count;

    /// <summary>Values per instance: C·S².</summary>
    public int InstanceLength => Channels * Size * Size;

    /// <summary>The values of instance <paramref name="index"/>: C·S², channel-major.</summary>
    public ReadOnlySpan<float> Instance(int index) => Values.AsSpan(index * InstanceLength, InstanceLength);
}
