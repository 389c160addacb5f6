using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Weights;
using static TorchSharp.torch;

namespace OlnmMl.Torch.DeepFeatures;

/// <summary>
/// Adds a vector column of pooled encoder features per case: each row's CT/mask (and PET) files
/// are preprocessed by OlnmMl.Imaging (<see cref="CasePreprocessor"/>, through the on-disk
/// <see cref="PreparedCaseCache"/>), and the headless encoder maps the crop to its
/// <see cref="FeatureNetwork.FeatureWidth"/> features in evaluation mode. Errors name the case's
/// files. Lazy, row by row; not ONNX-exportable here (see OlnmMl.Onnx). Not storable with
/// <c>mlContext.Model.Save</c>: keep the options (and weights file) and re-fit, which is deterministic.
/// </summary>
public sealed class DeepFeaturesTransformer : ITransformer, IDisposable
{
    private readonly FeatureNetwork encoder;
    private readonly Device device;
    private readonly PreparedCaseCache cache;
    private readonly ITransformer mapping;
    private readonly Lock gate = new();

    internal DeepFeaturesTransformer(MLContext mlContext, DeepFeaturesOptions options, FeatureNetwork encoder, Device device, CheckpointLoadSummary? encoderWeights)
    {
        Options = options;
        EncoderWeights = encoderWeights;
        this.encoder = encoder;
        this.device = device;
        encoder.eval();
        Directory.CreateDirectory(options.CacheDirectory);
        cache = new PreparedCaseCache(options.CacheDirectory);
        var estimator = CreateMapping(mlContext, options, encoder.FeatureWidth, Map);
        mapping = estimator.Fit(mlContext.Data.LoadFromEnumerable(Array.Empty<CasePathsRow>(), InputDefinition(options)));
    }

    /// <summary>The options this transformer was fitted with.</summary>
    public DeepFeaturesOptions Options { get; }

    /// <summary>What loading <see cref="DeepFeaturesOptions.EncoderWeightsPath"/> copied and ignored (e.g. a SwinUNETR decoder); null without a weights file.</summary>
    public CheckpointLoadSummary? EncoderWeights { get; }

    /// <summary>Width of the output vector.</summary>
    public int FeatureWidth => encoder.FeatureWidth;

    /// <inheritdoc/>
    public bool IsRowToRowMapper => mapping.IsRowToRowMapper;

    /// <inheritdoc/>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema) => mapping.GetOutputSchema(inputSchema);

    /// <inheritdoc/>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => mapping.GetRowToRowMapper(inputSchema);

    /// <inheritdoc/>
    public IDataView Transform(IDataView input) => mapping.Transform(input);

    /// <summary>Refused: libtorch weights do not fit ML.NET's model repository.</summary>
    void ICanSaveModel.Save(ModelSaveContext ctx) => throw new NotSupportedException(
        "DeepFeatures cannot be stored with mlContext.Model.Save; keep its options and weights file and fit it again (deterministic).");

    /// <summary>The features of one case (files as in the path columns).</summary>
    public float[] Features(string imagePath, string maskPath, string? petPath)
    {
        var prepared = cache.GetOrPrepare(imagePath, maskPath, petPath, Options.Crop);
        int channels = prepared.Channels.Length;
        if (channels != encoder.InputChannels)
        {
            throw new ArgumentException(
                $"Case '{imagePath}' gives {channels} channel(s) but the {Options.Architecture} encoder expects {encoder.InputChannels}.");
        }
        int e = prepared.Edge;
        var voxels = new float[channels * e * e * e];
        for (int c = 0; c < channels; c++)
        {
            prepared.Channels[c].CopyTo(voxels, c * e * e * e);
        }
        lock (gate)
        {
            using var noGrad = no_grad();
            using var scope = NewDisposeScope();
            var input = tensor(voxels, [1, channels, e, e, e], device: device);
            return encoder.Features(input).cpu().data<float>().ToArray();
        }
    }

    /// <inheritdoc/>
    public void Dispose() => encoder.Dispose();

    internal static IEstimator<ITransformer> CreateMapping(MLContext mlContext, DeepFeaturesOptions options, int width, Action<CasePathsRow, DeepFeaturesRow> map)
    {
        var output = SchemaDefinition.Create(typeof(DeepFeaturesRow), SchemaDefinition.Direction.Write);
        var features = output[nameof(DeepFeaturesRow.Features)];
        features.ColumnName = options.OutputColumnName;
        features.ColumnType = new VectorDataViewType(NumberDataViewType.Single, width);
        return mlContext.Transforms.CustomMapping(map, contractName: null, InputDefinition(options), output);
    }

    private void Map(CasePathsRow input, DeepFeaturesRow output) =>
        output.Features = Features(input.ImagePath, input.MaskPath, Options.PetPathColumnName is null ? null : input.PetPath);

    private static SchemaDefinition InputDefinition(DeepFeaturesOptions options)
    {
        var definition = SchemaDefinition.Create(typeof(CasePathsRow), SchemaDefinition.Direction.Read);
        definition[nameof(CasePathsRow.ImagePath)].ColumnName = options.ImagePathColumnName;
        definition[nameof(CasePathsRow.MaskPath)].ColumnName = options.MaskPathColumnName;
        if (options.PetPathColumnName is null)
        {
            definition.Remove(definition[nameof(CasePathsRow.PetPath)]);
        }
        else
        {
            definition[nameof(CasePathsRow.PetPath)].ColumnName = options.PetPathColumnName;
        }
        return definition;
    }
}
