using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// Scores rows with a trained <see cref="FusionModel"/>, adding the standard binary columns
/// <c>Score</c> (s = logit₁ − logit₀), <c>Probability</c> (σ(s)) and <c>PredictedLabel</c>
/// (σ(s) &gt; 0.5), so ML.NET's <c>BinaryClassification.Evaluate</c> works on the output.
/// Lazy and row-by-row. Persist it with <see cref="SaveModel"/>/<see cref="Load"/> (versioned);
/// <c>mlContext.Model.Save</c> cannot carry libtorch weights and is refused. Not ONNX-exportable.
/// </summary>
public sealed class FusionTransformer : ITransformer, IDisposable
{
    private readonly ITransformer mapping;

    /// <summary>Wraps <paramref name="model"/> (taking ownership) for use in ML.NET pipelines.</summary>
    public FusionTransformer(MLContext mlContext, FusionModel model, FusionTrainingReport? report = null)
    {
        Model = model;
        Report = report;
        mapping = CreateMapping(mlContext, model.Info, Map).Fit(EmptyInput(mlContext, model.Info));
    }

    /// <summary>The trained network and its description.</summary>
    public FusionModel Model { get; }

    /// <summary>The training history (null for a loaded model).</summary>
    public FusionTrainingReport? Report { get; }

    /// <inheritdoc/>
    public bool IsRowToRowMapper => mapping.IsRowToRowMapper;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => mapping.GetOutputSchema(inputSchema);

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => mapping.GetRowToRowMapper(inputSchema);

    /// <inheritdoc/>
    public IDataView Transform(IDataView input) => mapping.Transform(input);

    /// <summary>Refused: libtorch weights do not fit ML.NET's model repository; use <see cref="SaveModel"/>.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(
        "A fusion model cannot be stored with mlContext.Model.Save; call FusionTransformer.SaveModel(path) and FusionTransformer.Load(mlContext, path).");

    /// <summary>Writes the model (versioned format, see <see cref="FusionModel.Save"/>).</summary>
    public void SaveModel(string path) => Model.Save(path);

    /// <summary>Reads a model written by <see cref="SaveModel"/>.</summary>
    public static FusionTransformer Load(MLContext mlContext, string path, TorchDeviceOptions? device = null) =>
        new(mlContext, FusionModel.Load(path, device));

    /// <inheritdoc/>
    public void Dispose() => Model.Dispose();

    /// <summary>The schema-only scorer used by the estimator to describe its output.</summary>
    internal static IEstimator<ITransformer> CreateMapping(MLContext mlContext, FusionModelInfo info, Action<FusionInputRow, FusionPredictionRow> map) =>
        mlContext.Transforms.CustomMapping(map, contractName: null, InputDefinition(info));

    private void Map(FusionInputRow input, FusionPredictionRow output)
    {
        float score = Model.Score(input.Image, input.Radiomics);
        output.Score = score;
        output.Probability = 1f / (1f + MathF.Exp(-score));
        output.PredictedLabel = output.Probability > 0.5f;
    }

    private static SchemaDefinition InputDefinition(FusionModelInfo info)
    {
        var definition = SchemaDefinition.Create(typeof(FusionInputRow), SchemaDefinition.Direction.Read);
        var mode = info.ParsedMode;
        Bind(definition, nameof(FusionInputRow.Image), info.ImageColumnName, info.ImageLength, mode.UsesImage());
        Bind(definition, nameof(FusionInputRow.Radiomics), info.RadiomicsColumnName, info.RadiomicsWidth, mode.UsesRadiomics());
        return definition;
    }

    private static void Bind(SchemaDefinition definition, string member, string column, int size, bool used)
    {
        var entry = definition[member];
        if (!used)
        {
            definition.Remove(entry);
            return;
        }
        entry.ColumnName = column;
        entry.ColumnType = new VectorDataViewType(NumberDataViewType.Single, size);
    }

    private static IDataView EmptyInput(MLContext mlContext, FusionModelInfo info) =>
        mlContext.Data.LoadFromEnumerable(Array.Empty<FusionInputRow>(), InputDefinition(info));
}
