using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// A trained multi-instance model in ML.NET pipelines: reads a bag per row (a float vector column of n·C·H·W values,
/// variable length) and adds <c>Score</c>, <c>Probability</c>, <c>PredictedLabel</c> (so <c>BinaryClassification.Evaluate</c>
/// works) and <c>BagFeatures</c> (the pooled z, width F, for a later radiomics + deep tabular model). <see cref="Score"/>
/// scores an <see cref="IBagSamples"/> directly, in mini-batches. Persist it with <see cref="SaveModel"/>/<see cref="Load"/>
/// (versioned, see <see cref="MilModel"/>); <c>mlContext.Model.Save</c> cannot carry libtorch weights and is refused.
/// </summary>
public sealed class MilTransformer : ITransformer, IDisposable
{
    private readonly ITransformer mapping;

    /// <summary>Wraps <paramref name="model"/> (taking ownership) with its training losses (null for a loaded model).</summary>
    public MilTransformer(MLContext mlContext, MilModel model, string instancesColumnName = "Instances", IReadOnlyList<double>? trainingLoss = null)
    {
        Model = model;
        TrainingLoss = trainingLoss;
        mapping = CreateMapping(mlContext, instancesColumnName, model.Network.FeatureWidth, Map)
            .Fit(mlContext.Data.LoadFromEnumerable(Array.Empty<MilInputRow>(), InputDefinition(instancesColumnName)));
    }

    /// <summary>The trained network and its description.</summary>
    public MilModel Model { get; }

    /// <summary>Mean training loss per epoch (null for a loaded model).</summary>
    public IReadOnlyList<double>? TrainingLoss { get; }

    /// <inheritdoc/>
    public bool IsRowToRowMapper => mapping.IsRowToRowMapper;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => mapping.GetOutputSchema(inputSchema);

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => mapping.GetRowToRowMapper(inputSchema);

    /// <inheritdoc/>
    public IDataView Transform(IDataView input) => mapping.Transform(input);

    /// <summary>Each bag's probability and bag features (see <see cref="MilModel.Score"/>).</summary>
    public MilBagScores Score(IBagSamples bags, int batchSize = 8) => Model.Score(bags, batchSize);

    /// <summary>Refused: libtorch weights do not fit ML.NET's model repository; use <see cref="SaveModel"/>.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(
        "A MIL model cannot be stored with mlContext.Model.Save; call MilTransformer.SaveModel(path) and MilTransformer.Load(mlContext, path).");

    /// <summary>Writes the model (versioned format, see <see cref="MilModel.Save"/>).</summary>
    public void SaveModel(string path) => Model.Save(path);

    /// <summary>Reads a model written by <see cref="SaveModel"/>, scoring column <paramref name="instancesColumnName"/>.</summary>
    /// <exception cref="InvalidDataException">Not a MIL model, or an unknown format version.</exception>
    public static MilTransformer Load(MLContext mlContext, string path, TorchDeviceOptions? device = null, string instancesColumnName = "Instances") =>
        new(mlContext, MilModel.Load(path, device), instancesColumnName);

    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();

    /// <summary>The row mapping (also used by the estimator to describe its output).</summary>
    internal static IEstimator<ITransformer> CreateMapping(
        MLContext mlContext, string instancesColumnName, int featureWidth, Action<MilInputRow, MilPredictionRow> map)
    {
        var output = SchemaDefinition.Create(typeof(MilPredictionRow));
        output[nameof(MilPredictionRow.BagFeatures)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureWidth);
        return mlContext.Transforms.CustomMapping(map, contractName: null, InputDefinition(instancesColumnName), output);
    }

    private void Map(MilInputRow input, MilPredictionRow output)
    {
        var scores = Model.Score(new ArrayBags([input.Instances], [false], Model.Info.Network.InstanceShape), batchSize: 1);
        float p = scores.Probabilities[0];
        output.Probability = p;
        output.Score = MathF.Log(p) - MathF.Log(1 - p);
        output.PredictedLabel = p > 0.5f;
        output.BagFeatures = scores.Features[0];
    }

    private static SchemaDefinition InputDefinition(string instancesColumnName)
    {
        var definition = SchemaDefinition.Create(typeof(MilInputRow), SchemaDefinition.Direction.Read);
        var entry = definition[nameof(MilInputRow.Instances)];
        entry.ColumnName = instancesColumnName;
        entry.ColumnType = new VectorDataViewType(NumberDataViewType.Single);
        return definition;
    }
}
