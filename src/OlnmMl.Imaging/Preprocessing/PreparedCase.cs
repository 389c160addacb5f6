namespace OlnmMl.Imaging.Preprocessing;

/// <summary>
/// A network-ready case: one <see cref="Edge"/>³ cube per recipe channel (x fastest, in <see cref="ChannelKeys"/>
/// order) and the cropped mask.
/// </summary>
/// <param name="Edge">Cube edge E.</param>
/// <param name="ChannelKeys">The image key of each channel.</param>
/// <param name="Channels">The channel cubes, E³ floats each.</param>
/// <param name="Mask">The cropped mask, E³ floats.</param>
public sealed record PreparedCase(int Edge, IReadOnlyList<string> ChannelKeys, float[][] Channels, float[] Mask)
{
    /// <summary>The shape of <see cref="Channels"/> as one tensor: [C, E, E, E].</summary>
    public int[] Shape => [Channels.Length, Edge, Edge, Edge];

    /// <summary>Copies the channels, in order, into <paramref name="destination"/> (C·E³ floats).</summary>
    public void CopyChannelsTo(Span<float> destination)
    {
        var length = Edge * Edge * Edge;
        for (var c = 0; c < Channels.Length; c++)
        {
            Channels[c].CopyTo(destination.Slice(c * length, length));
        }
    }
}
