using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// A trained fusion network (its EMA weights) with its <see cref="FusionModelInfo"/>.
/// <see cref="Score(ReadOnlySpan{float}, ReadOnlySpan{float}, int, Span{float})"/> gives s = logit₁ − logit₀ (probability σ(s)) for a batch of cases. Saved as
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

    /// <summary>The score of one case: image (C·D·H·W values, the spec's shape) and radiomics (k values).</summary>
    public float Score(ReadOnlySpan<float> image, ReadOnlySpan<float> radiomics)
    {
        var scores = new float[1];
        Score(image, radiomics, 1, scores);
        return scores[0];
    }

    /// <summary>
    /// Scores <paramref name="count"/> cases in one pass: <paramref name="images"/> holds count·C·D·H·W values (case-major,
    /// the spec's shape), <paramref name="radiomics"/> count·k; writes s = logit₁ − logit₀ into <paramref name="scores"/>.
    /// </summary>
    public void Score(ReadOnlySpan<float> images, ReadOnlySpan<float> radiomics, int count, Span<float> scores)
    {
        if (images.Length != count * Info.ImageLength || radiomics.Length != count * Info.RadiomicsWidth || scores.Length < count)
        {
            throw new ArgumentException(
                $"The model expects {Info.ImageLength} image values and {Info.RadiomicsWidth} radiomics values per case; got {images.Length} and {radiomics.Length} for {count} case(s).");
        }
        ThrowIfNotFinite(images, Info.ImageColumnName);
        ThrowIfNotFinite(radiomics, Info.RadiomicsColumnName);
        lock (gate)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            long[] shape = [count, .. Info.Network.ImageShape.Select(d => (long)d)];
            var imageTensor = images.Length > 0 ? tensor(images.ToArray(), shape, device: device) : zeros([count, 1], device: device);
            var radiomicsTensor = radiomics.Length > 0
                ? tensor(radiomics.ToArray(), [count, Info.RadiomicsWidth], device: device)
                : zeros([count, 1], device: device);
            var logits = network.forward(imageTensor, radiomicsTensor);
            var margin = (logits.select(1, 1) - logits.select(1, 0)).cpu();
            margin.data<float>().CopyTo(scores[..count]);
        }
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically (format version <see cref="FusionModelInfo.CurrentFormatVersion"/>).</summary>
    public void Save(string path) => DurableFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(FusionModelInfo.CurrentFormatVersion);
        writer.Write(JsonSerializer.Serialize(Info));
        lock (gate)
        {
            network.save(writer);
        }
    });

    /// <summary>
    /// Reads a model written by <see cref="Save"/> of this build or of format 2 (<see cref="FusionModelInfo.ReadableFormatVersions"/>);
    /// throws naming the file when it is not one, its version is not read, or its format built its encoder otherwise
    /// (<see cref="FusionModelInfo.FormatProblem"/>).
    /// </summary>
    public static FusionModel Load(string path, TorchDeviceOptions? deviceOptions = null)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a fusion model (missing OLNMFUSN header).");
        }
        int version = reader.ReadInt32();
        if (version == 1)
        {
            throw new InvalidDataException(
                $"'{path}' is a fusion model of format 1 (single encoder, before study designs had named images); this build reads format {FusionModelInfo.CurrentFormatVersion}. Retrain it: rerun the sweep in a new study folder (olnm clean removes the old one).");
        }
        if (!FusionModelInfo.ReadableFormatVersions.Contains(version))
        {
            throw new InvalidDataException(
                $"'{path}' has fusion model format version {version}; this build reads versions {string.Join(" and ", FusionModelInfo.ReadableFormatVersions)}.");
        }
        var info = JsonSerializer.Deserialize<FusionModelInfo>(reader.ReadString())
            ?? throw new InvalidDataException($"'{path}' has an empty model description.");
        if (info.FormatProblem(version) is { } problem)
        {
            throw new InvalidDataException($"'{path}' is a fusion model of format {version}: {problem}. Retrain it with this build.");
        }
        var network = new FusionNetwork(info.Network);
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
