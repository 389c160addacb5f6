using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.Validation;
using OlnmMl.Radiomics.Features;
using OlnmMl.Radiomics.Processing;
using OlnmMl.Radiomics.PyRadiomics;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>
/// Extracts every feature of a recipe from one image and mask: ROI preparation (mask onto the image grid,
/// IBSI interpolation, re-segmentation), then for each image type (original, filters) the enabled
/// families. Morphology is computed on the original image only. Features are named as the recipe's
/// <see cref="RadiomicsSettings.Names"/> says (IBSI, or PyRadiomics where it has the feature). The feature list (names and order) depends
/// only on the recipe, never on the data: undefined features are NaN and explained in the warnings.
/// Thread-safe; one instance can serve parallel cases.
/// </summary>
public sealed class RadiomicsExtractor
{
    private readonly Lazy<IReadOnlyList<NamedFeature>> _template;

    /// <summary>
    /// Creates an extractor for <paramref name="settings"/> with <paramref name="options"/> (defaults when null); the
    /// recipe's <see cref="RadiomicsSettings.MaskLabel"/> applies where the options name no label.
    /// </summary>
    public RadiomicsExtractor(RadiomicsSettings settings, ExtractionOptions? options = null)
    {
        Settings = settings;
        Options = options ?? ExtractionOptions.Default;
        Options = Options with { MaskLabel = Options.MaskLabel ?? settings.MaskLabel };
        _template = new Lazy<IReadOnlyList<NamedFeature>>(() => Compute(SyntheticCase.Image(settings), SyntheticCase.Mask(), [], strict: false));
    }

    /// <summary>The recipe.</summary>
    public RadiomicsSettings Settings { get; }

    /// <summary>Input handling: mask label and resource limit.</summary>
    public ExtractionOptions Options { get; }

    /// <summary>
    /// What, besides the two input files, determines the features: the recipe's hash and the mask label
    /// (the cache and batch tables key on it).
    /// </summary>
    public string RecipeKey => Options.MaskLabel is { } label ? $"{Settings.Hash()}-label{label}" : Settings.Hash();

    /// <summary>Full feature names in output order (the slot names of the Radiomics column).</summary>
    public IReadOnlyList<string> FeatureNames => _template.Value.Select(f => f.Name).ToArray();

    /// <summary>The features in output order with their IBSI identifiers (values of a synthetic case; use for metadata only).</summary>
    public IReadOnlyList<NamedFeature> Descriptors => _template.Value;

    /// <summary>
    /// Reads the NIfTI/NRRD image and mask, checks them at the door (<see cref="CaseInputs"/>: 3D, finite voxels,
    /// one mask label per <see cref="ExtractionOptions.MaskLabel"/>, mask on the image) and extracts. Unlike the
    /// in-memory overload, a case without usable ROI is an error, never a row of NaN.
    /// </summary>
    /// <exception cref="VolumeFormatException">
    /// A file is missing, unreadable or fails a check; the ROI is empty, lies outside the re-segmentation range,
    /// or its resampled grid exceeds <see cref="ExtractionOptions.MaxRoiVoxels"/>. The message names the file.
    /// </exception>
    public FeatureSet Extract(string imagePath, string maskPath)
    {
        var warnings = new List<string>();
        var (image, mask) = CaseInputs.Read(imagePath, maskPath, Options.MaskLabel, warnings);
        try
        {
            return new FeatureSet(Compute(image, mask, warnings, strict: true), warnings);
        }
        catch (RoiException e)
        {
            throw new VolumeFormatException(e.AboutMask ? maskPath : imagePath, e.Message, e) { Kind = e.Kind };
        }
    }

    /// <summary>
    /// Extracts the recipe's features from <paramref name="image"/> within <paramref name="mask"/> (voxels &gt; 0.5,
    /// binarised before interpolation). An empty ROI gives NaN features with a warning.
    /// </summary>
    /// <exception cref="RoiException">The resampled grid would exceed <see cref="ExtractionOptions.MaxRoiVoxels"/>.</exception>
    public FeatureSet Extract(Volume image, Volume mask)
    {
        var warnings = new List<string>();
        var features = Compute(image, mask, warnings, strict: false);
        return new FeatureSet(features, warnings);
    }

    private List<NamedFeature> Compute(Volume image, Volume mask, List<string> warnings, bool strict)
    {
        var margin = LocalIntensity.SphereRadiusMm + Settings.ImageTypes.Select(FilteredImages.SupportMm).DefaultIfEmpty(0).Max();
        var roi = RoiPreparer.Prepare(image, mask, Settings, margin, warnings, Options.MaxRoiVoxels, strict);
        if (roi is null)
        {
            return _template.Value.Select(f => f with { Value = double.NaN }).ToList();
        }

        if (roi.IntensityCount == 0)
        {
            return MorphologyOnly(roi);
        }

        var output = new List<NamedFeature>();
        foreach (var type in Settings.ImageTypes)
        {
            var index = 0;
            foreach (var (prefix, filtered) in FilteredImages.Expand(type, roi))
            {
                var pyRadiomicsPrefix = PyRadiomicsNames.ImagePrefix(type, index++, type.Wavelets.Count);
                AddFamilies(output, (prefix, pyRadiomicsPrefix), filtered, type.Kind == ImageFilterKind.Original);
            }
        }

        return output;
    }

    // The feature's name under the recipe's naming: {prefix}_{family}_{feature}[_{aggregation}], or PyRadiomics' name.
    private string FeatureName((string Ibsi, string PyRadiomics) prefix, string family, FeatureValue v)
    {
        if (Settings.Names == FeatureNaming.PyRadiomics
            && PyRadiomicsNames.Name(prefix.PyRadiomics, family, v.IbsiFeature, v.IbsiAggregation, Settings.Aggregations) is { } name)
        {
            return name;
        }

        var suffix = TextureAggregationNames.Suffix(v.IbsiAggregation);
        return suffix.Length == 0 ? $"{prefix.Ibsi}_{family}_{v.Name}" : $"{prefix.Ibsi}_{family}_{v.Name}_{suffix}";
    }

    private void AddFamilies(List<NamedFeature> output, (string Ibsi, string PyRadiomics) prefix, RoiImage roi, bool original)
    {
        void Add(string family, IEnumerable<FeatureValue> values)
        {
            foreach (var v in values)
            {
                output.Add(new NamedFeature(FeatureName(prefix, family, v), v.IbsiFeature, v.IbsiAggregation, v.Value));
            }
        }

        var lowerBound = original ? Settings.Resegmentation.RangeMin : null;
        if (original && Settings.Has(FeatureFamilies.Morphology))
        {
            Add(FeatureFamilies.Morphology, Morphology.Table.Evaluate(new MorphologySample(roi)));
        }

        if (Settings.Has(FeatureFamilies.LocalIntensity))
        {
            Add(FeatureFamilies.LocalIntensity, LocalIntensity.Table.Evaluate(roi));
        }

        if (Settings.Has(FeatureFamilies.Statistics))
        {
            Add(FeatureFamilies.Statistics, IntensityStatistics.Table.Evaluate(new IntensitySample(roi.MaskedIntensities())));
        }

        if (Settings.Has(FeatureFamilies.Histogram))
        {
            var discretised = Discretiser.Discretise(roi, original ? Settings.Histogram : Settings.Filtered, lowerBound);
            Add(FeatureFamilies.Histogram, IntensityHistogram.Table.Evaluate(new HistogramSample(MaskedLevels(discretised), discretised.LevelCount)));
        }

        if (Settings.Has(FeatureFamilies.IntensityVolumeHistogram))
        {
            Add(FeatureFamilies.IntensityVolumeHistogram, IntensityVolumeHistogram.Table.Evaluate(
                IvhSampleBuilder.Build(roi, original ? Settings.IntensityVolumeHistogram : Settings.Filtered, original ? Settings.Resegmentation : ResegmentationSettings.None)));
        }

        var textureFamilies = FeatureFamilies.Texture.Where(Settings.Has).ToArray();
        if (textureFamilies.Length > 0)
        {
            var discretised = Discretiser.Discretise(roi, original ? Settings.Texture : Settings.Filtered, lowerBound);
            foreach (var family in textureFamilies)
            {
                Add(family, TextureFamilies.Compute(family, discretised, Settings));
            }
        }
    }

    // No intensity voxel survived re-segmentation: morphology is still defined, every other feature is NaN.
    private List<NamedFeature> MorphologyOnly(RoiImage roi)
    {
        var morphology = new List<NamedFeature>();
        if (Settings.Has(FeatureFamilies.Morphology))
        {
            foreach (var v in Morphology.Table.Evaluate(new MorphologySample(roi)))
            {
                morphology.Add(new NamedFeature(FeatureName(("original", "original"), FeatureFamilies.Morphology, v), v.IbsiFeature, v.IbsiAggregation, v.Value));
            }
        }

        var byName = morphology.ToDictionary(f => f.Name, f => f.Value);
        return _template.Value.Select(f => f with { Value = byName.GetValueOrDefault(f.Name, double.NaN) }).ToList();
    }

    private static int[] MaskedLevels(DiscretisedRoi roi) => roi.GreyLevels.Where(l => l > 0).ToArray();
}
