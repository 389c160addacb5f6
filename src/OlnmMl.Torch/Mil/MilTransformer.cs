namespace OlnmMl.Torch.Mil;

/// <summary>
/// A trained multi-instance model as the scorer of a pipeline: <see cref="Score"/> gives each bag's patient probability
/// and bag features; <see cref="SaveModel"/>/<see cref="Load"/> persist it in the versioned format of <see cref="MilModel"/>.
/// </summary>
public sealed class MilTransformer : IDisposable
{
    /// <summary>Wraps <paramref name="model"/> (taking ownership) with its training losses (null for a loaded model).</summary>
    public MilTransformer(MilModel model, IReadOnlyList<double>? trainingLoss = null)
    {
        Model = model;
        TrainingLoss = trainingLoss;
    }

    /// <summary>The trained network and its description.</summary>
    public MilModel Model { get; }

    /// <summary>Mean training loss per epoch (null for a loaded model).</summary>
    public IReadOnlyList<double>? TrainingLoss { get; }

    /// <summary>Each bag's probability and bag features (see <see cref="MilModel.Score"/>).</summary>
    public MilBagScores Score(IBagSamples bags, int batchSize = 8) => Model.Score(bags, batchSize);

    /// <summary>Writes the model (versioned format, see <see cref="MilModel.Save"/>).</summary>
    public void SaveModel(string path) => Model.Save(path);

    /// <summary>Reads a model written by <see cref="SaveModel"/>.</summary>
    /// <exception cref="InvalidDataException">Not a MIL model, or an unknown format version.</exception>
    public static MilTransformer Load(string path, TorchDeviceOptions? device = null) => new(MilModel.Load(path, device));

    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();
}
