namespace OlnmMl.Onnx.Networks;

/// <summary>The backbone family of an image encoder, which fixes how its parameters become ONNX nodes.</summary>
public enum EncoderFamily
{
    /// <summary>3D ResNet (MONAI/MedicalNet layout: <c>conv1</c>, <c>bn1</c>, <c>layer1..4</c>).</summary>
    ResNet,

    /// <summary>3D DenseNet (MONAI layout: <c>features.conv0</c>, dense blocks, transitions).</summary>
    DenseNet,

    /// <summary>Swin transformer encoder (MONAI SwinUNETR's <c>swinViT</c> layout).</summary>
    Swin,
}

/// <summary>
/// One image input of a fused model and the encoder that reads it: the ONNX input <see cref="InputName"/> of shape
/// [N, <see cref="Channels"/>, S, S, S], the encoder's parameters under <see cref="ParameterPrefix"/>, its family.
/// Written from the model's own description (never guessed from parameter names).
/// </summary>
/// <param name="InputName">ONNX input name (e.g. <c>image</c>, <c>ct</c>, <c>pet</c>).</param>
/// <param name="ParameterPrefix">Prefix of the encoder's parameters in the weights (e.g. <c>encoders.ct.</c>).</param>
/// <param name="Family">Backbone family.</param>
/// <param name="Channels">Input channels.</param>
/// <param name="Description">What the input holds, for the model's metadata (modality, scaling, spacing).</param>
public sealed record EncoderInput(string InputName, string ParameterPrefix, EncoderFamily Family, int Channels, string Description = "")
{
    /// <summary>The encoder's facts not held in its weights: a ResNet's layout (from its architecture row), the BN ε of a ResNet or DenseNet.</summary>
    public ResNetOnnxOptions Layout { get; init; } = new();
}

/// <summary>The family of an OlnmMl.Torch architecture name.</summary>
public static class EncoderFamilies
{
    /// <summary>
    /// <c>resnet…</c> → ResNet, <c>densenet…</c> → DenseNet, <c>swin…</c> → Swin (the names of OlnmMl.Torch's network catalog).
    /// </summary>
    /// <exception cref="ArgumentException">The name is of none of these families.</exception>
    public static EncoderFamily Of(string architecture)
    {
        var name = architecture.ToLowerInvariant();
        return name.StartsWith("resnet", StringComparison.Ordinal) ? EncoderFamily.ResNet
            : name.StartsWith("densenet", StringComparison.Ordinal) ? EncoderFamily.DenseNet
            : name.StartsWith("swin", StringComparison.Ordinal) ? EncoderFamily.Swin
            : throw new ArgumentException($"Architecture '{architecture}' has no ONNX encoder (known families: resnet*, densenet*, swin*).", nameof(architecture));
    }
}
