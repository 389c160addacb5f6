using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Torch.DeepFeatures;

namespace OlnmMl.Torch.Crops;

/// <summary>
/// Adds each case's preprocessed crop as a float vector column (the <c>Image</c> input of the
/// fusion trainer): OlnmMl.Imaging's <see cref="CasePreprocessor"/> through the on-disk
/// <see cref="PreparedCaseCache"/>, so a crop is computed once per file content and setting.
/// Nothing is fitted. Lazy, row by row; errors name the case's files. Not storable with
/// <c>mlContext.Model.Save</c> (re-create it from the same options).
/// </summary>
public sealed class CropsEstimator(MLContext mlContext, CropsOptions options) : IEstimator<ITransformer>
{
    /// <summary>The options in force.</summary>
    public CropsOptions Options { get; } = options;

    /// <summary>Checks the path columns and returns the mapping transformer.</summary>
    public ITransformer Fit(IDataView input)
    {
        foreach (string? column in new[] { Options.ImagePathColumnName, Options.MaskPathColumnName, Options.PetPathColumnName })
        {
            if (column is not null && input.Schema.GetColumnOrNull(column) is null)
            {
                throw new ArgumentException($"Crops needs the path column '{column}', which the data lacks.", nameof(input));
            }
        }
        Directory.CreateDirectory(Options.CacheDirectory);
        var cache = new PreparedCaseCache(Options.CacheDirectory);
        return Mapping((row, output) => output.Features = Crop(cache, row)).Fit(input);
    }

    /// <summary>The input schema plus the crop vector column.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema) => Mapping(static (_, _) => { }).GetOutputSchema(inputSchema);

    private IEstimator<ITransformer> Mapping(Action<CasePathsRow, DeepFeaturesRow> map)
    {
        int edge = Options.Crop.Edge;
        var input = SchemaDefinition.Create(typeof(CasePathsRow), SchemaDefinition.Direction.Read);
        input[nameof(CasePathsRow.ImagePath)].ColumnName = Options.ImagePathColumnName;
        input[nameof(CasePathsRow.MaskPath)].ColumnName = Options.MaskPathColumnName;
        var pet = input[nameof(CasePathsRow.PetPath)];
        if (Options.PetPathColumnName is null)
        {
            input.Remove(pet);
        }
        else
        {
            pet.ColumnName = Options.PetPathColumnName;
        }
        var output = SchemaDefinition.Create(typeof(DeepFeaturesRow), SchemaDefinition.Direction.Write);
        var vector = output[nameof(DeepFeaturesRow.Features)];
        vector.ColumnName = Options.OutputColumnName;
        vector.ColumnType = new VectorDataViewType(NumberDataViewType.Single, Options.Channels * edge * edge * edge);
        return mlContext.Transforms.CustomMapping(map, contractName: null, input, output);
    }

    private float[] Crop(PreparedCaseCache cache, CasePathsRow row)
    {
        var prepared = cache.GetOrPrepare(row.ImagePath, row.MaskPath, Options.PetPathColumnName is null ? null : row.PetPath, Options.Crop);
        int volume = prepared.Edge * prepared.Edge * prepared.Edge;
        var voxels = new float[prepared.Channels.Length * volume];
        for (int c = 0; c < prepared.Channels.Length; c++)
        {
            prepared.Channels[c].CopyTo(voxels, c * volume);
        }
        return voxels;
    }
}
