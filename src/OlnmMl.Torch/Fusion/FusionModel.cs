using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// A trained fusion network (its EMA weights) with its <see cref="FusionModelInfo"/>.
/// <see cref="Score"/> gives s = logit₁ − logit₀ (probability σ(s)). Saved as
/// <c>"OLNMFUSN"</c>, int32 format version, the info as JSON, then TorchSharp's module format.
/// Thread-safe: calls are serialised.
/// </summary>
public sealed class FusionModel : IDisposable
{
    private static readonly byte[] Magic = "OLNMFUSN"u8.ToArray();
    private readonly FusionNetwork network;
    private readonly Device device;
    private readonly Lock gate = new();

    internal FusionModel(FusionNetwork network, FusionModelInfo info, Device device)
    {
        this.network = network;
        this.device = device;
        Info = info;
        network.eval();
    }

    /// <summary>Architecture, geometry, columns and provenance.</summary>
    public FusionModelInfo Info { get; }

    /// <summary>The trained network (evaluation mode); calls into it are not serialised.</summary>
    public FusionNetwork Network => network;

    /// <summary>The score of one case: image (C·E³ values, C, D, H, W order) and radiomics (k values).</summary>
    public float Score(ReadOnlySpan<float> image, ReadOnlySpan<float> radiomics)
    {
        if (image.Length != Info.ImageLength || radiomics.Length != Info.RadiomicsWidth)
        {
            throw new ArgumentException(
                $"The model expects {Info.ImageLength} image values and {Info.RadiomicsWidth} radiomics values; got {image.Length} and {radiomics.Length}.");
        }
        ThrowIfNotFinite(image, Info.ImageColumnName);
        ThrowIfNotFinite(radiomics, Info.RadiomicsColumnName);
        lock (gate)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            int e = Info.ImageEdge;
            var imageTensor = image.Length > 0
                ? tensor(image.ToArray(), [1, Info.ImageChannels, e, e, e], device: device)
                : zeros([1, 1], device: device);
            var radiomicsTensor = radiomics.Length > 0
                ? tensor(radiomics.ToArray(), [1, radiomics.Length], device: device)
                : zeros([1, 1], device: device);
            var logits = network.forward(imageTensor, radiomicsTensor).cpu();
            return logits[0, 1].item<float>() - logits[0, 0].item<float>();
        }
    }

    /// <summary>Writes the model to <paramref name="path"/> (format version <see cref="FusionModelInfo.CurrentFormatVersion"/>).</summary>
    public void Save(string path)
    {
        using var stream = File.Create(path);
        using var writer = new BinaryWriter(stream, Encoding.UTF8);
        writer.Write(Magic);
        writer.Write(FusionModelInfo.CurrentFormatVersion);
        writer.Write(JsonSerializer.Serialize(Info));
        lock (gate)
        {
            network.save(writer);
        }
    }

    /// <summary>Reads a model written by <see cref="Save"/>; throws naming the file when it is not one or its version is unknown.</summary>
    public static FusionModel Load(string path, TorchDeviceOptions? deviceOptions = null)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a fusion model (missing OLNMFUSN header).");
        }
        int version = reader.ReadInt32();
        if (version != FusionModelInfo.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"'{path}' has fusion model format version {version}; this build reads version {FusionModelInfo.CurrentFormatVersion}.");
        }
        var info = JsonSerializer.Deserialize<FusionModelInfo>(reader.ReadString())
            ?? throw new InvalidDataException($"'{path}' has an empty model description.");
        var network = new FusionNetwork(info.ParsedMode, info.Architecture, info.ImageChannels, info.RadiomicsWidth);
        network.load(reader);
        var device = (deviceOptions ?? new TorchDeviceOptions()).Resolve();
        network.to(device);
        return new FusionModel(network, info, device);
    }

    /// <inheritdoc/>
    public void Dispose() => network.Dispose();

    private static void ThrowIfNotFinite(ReadOnlySpan<float> values, string column)
    {
        for (int i = 0; i < values.Length; i++)
        {
            if (!float.IsFinite(values[i]))
            {
                throw new ArgumentException($"Column '{column}' has a non-finite value ({values[i]}) at index {i}.");
            }
        }
    }
}
