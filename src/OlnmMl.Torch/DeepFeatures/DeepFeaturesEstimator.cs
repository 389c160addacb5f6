using Microsoft.ML;
using OlnmMl.Torch.Networks;
using TorchSharp;
using OlnmMl.Torch.Weights;
using static TorchSharp.torch;

namespace OlnmMl.Torch.DeepFeatures;

/// <summary>
/// Builds the headless encoder named in <see cref="DeepFeaturesOptions"/> (seeded random weights, or
/// strict loading from a PyTorch/TorchSharp file) and returns a <see cref="DeepFeaturesTransformer"/>
/// that adds its pooled features as a vector column usable by any ML.NET trainer.
/// Fitting reads no rows unless <see cref="DeepFeaturesOptions.FineTuning"/> is set, in which case
/// the encoder is first trained (deep-only fusion trainer) on the fitting rows' crops and labels.
/// </summary>
public sealed class DeepFeaturesEstimator(MLContext mlContext, DeepFeaturesOptions options) : IEstimator<DeepFeaturesTransformer>
{
    /// <summary>The options in force.</summary>
    public DeepFeaturesOptions Options { get; } = options with { Seed = options.Seed ?? ContextSeed.Draw(mlContext, nameof(DeepFeaturesEstimator)) };

    /// <summary>Creates the transformer; <paramref name="input"/> is checked for the path columns.</summary>
    public DeepFeaturesTransformer Fit(IDataView input)
    {
        foreach (string? column in new[] { Options.ImagePathColumnName, Options.MaskPathColumnName, Options.PetPathColumnName })
        {
            if (column is not null && input.Schema.GetColumnOrNull(column) is null)
            {
                throw new ArgumentException($"DeepFeatures needs the path column '{column}', which the data lacks.", nameof(input));
            }
        }
        int channels = Options.PetPathColumnName is null ? 1 : 2;
        FeatureNetwork encoder;
        using (var generator = new Generator(unchecked((ulong)Options.Seed!.Value)))
        {
            encoder = NetworkCatalog.Create(Options.Architecture, channels, generator: generator);
        }
        try
        {
            var weights = Options.EncoderWeightsPath is { } path ? CheckpointLoader.Load(encoder, path, StrictLoadOptions.ForEncoder) : null;
            if (Options.FineTuning is { } tuning)
            {
                FineTune(encoder, input, tuning);
            }
            var device = Options.Device.Resolve();
            encoder.to(device);
            return new DeepFeaturesTransformer(mlContext, Options, encoder, device, weights);
        }
        catch
        {
            encoder.Dispose();
            throw;
        }
    }

    private void FineTune(FeatureNetwork encoder, IDataView input, Fusion.FusionTrainerOptions tuning)
    {
        const string cropColumn = "DeepFeaturesFineTuningCrop";
        var crops = new Crops.CropsEstimator(mlContext, new Crops.CropsOptions
        {
            OutputColumnName = cropColumn,
            ImagePathColumnName = Options.ImagePathColumnName,
            MaskPathColumnName = Options.MaskPathColumnName,
            PetPathColumnName = Options.PetPathColumnName,
            Crop = Options.Crop,
            CacheDirectory = Options.CacheDirectory,
        }).Fit(input).Transform(input);
        var recipe = Imaging.Preprocessing.CasePreprocessor.WithPet(Options.Crop, Options.PetPathColumnName is null ? null : "(PET path column)");
        var trainer = new Fusion.FusionTrainer(mlContext, tuning with
        {
            Mode = Fusion.FusionMode.DeepOnly,
            Architecture = Options.Architecture,
            ImageShape = recipe.Shape,
            ChannelKeys = recipe.ChannelKeys,
            Encoders = null,
            ImageRecipe = recipe.Describe(),
            ImageColumnName = cropColumn,
            EncoderWeightsPath = Options.EncoderWeightsPath,
        });
        using var tuned = trainer.Fit(crops);
        var trained = tuned.Model.Network.Encoders[0].state_dict();
        using var noGrad = no_grad();
        foreach (var (name, tensor) in encoder.state_dict())
        {
            tensor.copy_(trained[name]);
        }
    }

    /// <summary>The input schema plus the feature vector column.</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        var placeholder = SchemaShapeWidth();
        return DeepFeaturesTransformer.CreateMapping(mlContext, Options, placeholder, static (_, _) => { }).GetOutputSchema(inputSchema);
    }

    private int SchemaShapeWidth()
    {
        using var encoder = NetworkCatalog.Create(Options.Architecture, Options.PetPathColumnName is null ? 1 : 2);
        return encoder.FeatureWidth;
    }
}
