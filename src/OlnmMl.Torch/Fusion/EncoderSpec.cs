namespace OlnmMl.Torch.Fusion;

/// <summary>
/// One image encoder of a fusion network: a backbone from <see cref="Networks.NetworkCatalog"/> reading the named
/// channels of the image input (e.g. <c>ct</c>; <c>pet</c>; or <c>ct</c> and <c>pet</c> stacked). Its parameters live
/// under <see cref="ParameterPrefix"/> in the network's <c>state_dict</c>; its ONNX input is named <see cref="Name"/>.
/// </summary>
/// <param name="Name">Encoder name: a lower-case identifier, unique in the network (e.g. <c>image</c>, <c>ct</c>, <c>pet</c>).</param>
/// <param name="Architecture">Backbone name (e.g. <c>resnet18</c>).</param>
/// <param name="Channels">The image channel keys it reads, in order (its first layer has this many input channels).</param>
public sealed record EncoderSpec(string Name, string Architecture, IReadOnlyList<string> Channels)
{
    /// <summary>Prefix of the encoder's parameters in the fusion network: <c>encoders.NAME.</c>.</summary>
    public string ParameterPrefix => $"encoders.{Name}.";

    /// <inheritdoc />
    public bool Equals(EncoderSpec? other) =>
        other is not null && Name == other.Name && Architecture == other.Architecture && Channels.SequenceEqual(other.Channels);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Name, Architecture, Channels.Count);
}
