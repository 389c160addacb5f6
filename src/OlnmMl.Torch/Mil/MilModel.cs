using System.Text;
using System.Text.Json;
using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// A trained multi-instance network with its <see cref="MilModelInfo"/>. <see cref="Score"/> gives each bag's patient
/// probability P and bag features z: bag-level models P = σ(s) of the pooled logit; instance-level models aggregate the
/// instance probabilities pₙ = σ(head(hₙ)) of the real instances by <see cref="MilModelInfo.Aggregation"/>.
/// Saved as <c>"OLNMMILM"</c>, int32 format version, the info as JSON, then TorchSharp's module format.
/// Thread-safe: calls are serialised.
/// </summary>
public sealed class MilModel : IDisposable
{
    private static readonly byte[] Magic = "OLNMMILM"u8.ToArray();
    private readonly Device device;
    private readonly Lock gate = new();

    internal MilModel(MilNetwork network, MilModelInfo info, Device device)
    {
        Network = network;
        this.device = device;
        Info = info;
        network.eval();
    }

    /// <summary>Network, training mode, aggregation and provenance.</summary>
    public MilModelInfo Info { get; }

    /// <summary>The trained network (evaluation mode); calls into it are not serialised.</summary>
    public MilNetwork Network { get; }

    /// <summary>Scores every bag of <paramref name="samples"/>, <paramref name="batchSize"/> bags per pass.</summary>
    /// <exception cref="ArgumentException">The samples' instance shape is not the network's, or an instance value is not finite.</exception>
    public MilBagScores Score(IBagSamples samples, int batchSize = 8)
    {
        var shape = Info.Network.InstanceShape;
        if (samples.Channels != shape[0] || samples.Height != shape[1] || samples.Width != shape[2])
        {
            throw new ArgumentException(
                $"The model reads instances of shape [{string.Join(", ", shape)}]; the bags hold [{samples.Channels}, {samples.Height}, {samples.Width}].", nameof(samples));
        }
        lock (gate)
        {
            var (logits, features, instances) = MilScoring.Run(Network, samples, batchSize, device);
            var probabilities = Info.Mode == MilTrainingMode.BagLevel
                ? logits.Select(s => 1f / (1f + MathF.Exp(-s))).ToArray()
                : instances.Select(Aggregate).ToArray();
            return new MilBagScores(probabilities, features);
        }
    }

    /// <summary>Writes the model to <paramref name="path"/> atomically (format version <see cref="MilModelInfo.CurrentFormatVersion"/>).</summary>
    public void Save(string path) => DurableFile.Write(path, stream =>
    {
        using var writer = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        writer.Write(Magic);
        writer.Write(MilModelInfo.CurrentFormatVersion);
        writer.Write(JsonSerializer.Serialize(Info));
        lock (gate)
        {
            Network.save(writer);
        }
    });

    /// <summary>Reads a model written by <see cref="Save"/>; throws naming the file when it is not one or its format version is not this build's.</summary>
    /// <exception cref="InvalidDataException">Not a MIL model, or a format version this build does not read.</exception>
    public static MilModel Load(string path, TorchDeviceOptions? deviceOptions = null)
    {
        using var stream = File.OpenRead(path);
        using var reader = new BinaryReader(stream, Encoding.UTF8);
        if (!reader.ReadBytes(Magic.Length).AsSpan().SequenceEqual(Magic))
        {
            throw new InvalidDataException($"'{path}' is not a MIL model (missing OLNMMILM header).");
        }
        int version = reader.ReadInt32();
        if (version != MilModelInfo.CurrentFormatVersion)
        {
            throw new InvalidDataException(
                $"'{path}' has MIL model format version {version}; this build reads version {MilModelInfo.CurrentFormatVersion}. Retrain the model with this build.");
        }
        var info = JsonSerializer.Deserialize<MilModelInfo>(reader.ReadString())
            ?? throw new InvalidDataException($"'{path}' has an empty model description.");
        var network = new MilNetwork(info.Network);
        network.load(reader);
        var device = (deviceOptions ?? new TorchDeviceOptions()).Resolve();
        network.to(device);
        return new MilModel(network, info, device);
    }

    /// <inheritdoc/>
    public void Dispose() => Network.Dispose();

    private float Aggregate(float[] probabilities) => Info.Aggregation switch
    {
        MilAggregation.Mean => probabilities.Average(),
        MilAggregation.Max => probabilities.Max(),
        _ => (Info.Histogram ?? throw new InvalidDataException("A histogram-aggregated MIL model has no histogram classifier.")).Probability(probabilities),
    };
}
