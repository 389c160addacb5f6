using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.IO;
using OlnmMl.Radiomics.Features;
using OlnmMl.Radiomics.Processing;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>
/// Extracts every feature of a recipe from one image and mask: ROI preparation (mask onto the image grid,
/// IBSI interpolation, re-segmentation), then for each image type (original, filters) the enabled
/// families. Morphology is computed on the original image only. The feature list (names and order) depends
/// only on the recipe, never on the data: undefined features are NaN and explained in the warnings.
/// Thread-safe; one instance can serve parallel cases.
/// </summary>
public sealed class RadiomicsExtractor
{
    private readonly Lazy<IReadOnlyList<NamedFeature>> _template;

    /// <summary>Creates an extractor for <paramref name="settings"/>.</summary>
    public RadiomicsExtractor(RadiomicsSettings settings)
    {
        Settings = settings;
        _template = new Lazy<IReadOnlyList<NamedFeature>>(() => Compute(SyntheticCase.Image(settings), SyntheticCase.Mask(), []));
    }

    /// <summary>The recipe.</summary>
    public RadiomicsSettings Settings { get; }

    /// <summary>Full feature names in output order (the slot names of the Radiomics column).</summary>
    public IReadOnlyList<string> FeatureNames => _template.Value.Select(f => f.Name).ToArray();

    /// <summary>The features in output order with their IBSI identifiers (values of a synthetic case; use for metadata only).</summary>
    public IReadOnlyList<NamedFeature> Descriptors => _template.Value;

    /// <summary>Reads the NIfTI/NRRD image and mask and extracts.</summary>
    /// <exception cref="VolumeFormatException">A file is missing or unreadable (the message names it).</exception>
    public FeatureSet Extract(string imagePath, string maskPath) => Extract(VolumeIO.Read(imagePath), VolumeIO.Read(maskPath));

    /// <summary>Extracts the recipe's features from <paramref name="image"/> within <paramref name="mask"/> (voxels &gt; 0.5).</summary>
    public FeatureSet Extract(Volume image, Volume mask)
    {
        var warnings = new List<string>();
        var features = Compute(image, mask, warnings);
        return new FeatureSet(features, warnings);
    }

    private List<NamedFeature> Compute(Volume image, Volume mask, List<string> warnings)
    {
        var margin = LocalIntensity.SphereRadiusMm + Settings.ImageTypes.Select(FilteredImages.SupportMm).DefaultIfEmpty(0).Max();
        var roi = RoiPreparer.Prepare(image, mask, Settings, margin, warnings);
        if (roi is null)
        {
            return _template.Value.Select(f => f with { Value = double.NaN }).ToList();
        }

        var output = new List<NamedFeature>();
        foreach (var type in Settings.ImageTypes)
        {
            foreach (var (prefix, filtered) in FilteredImages.Expand(type, roi))
            {
                AddFamilies(output, prefix, filtered, type.Kind == ImageFilterKind.Original);
            }
        }

        return output;
    }

    private void AddFamilies(List<NamedFeature> output, string prefix, RoiImage roi, bool original)
    {
        void Add(string family, IEnumerable<FeatureValue> values)
        {
            foreach (var v in values)
            {
                var suffix = TextureAggregationNames.Suffix(v.IbsiAggregation);
                var name = suffix.Length == 0 ? $"{prefix}_{family}_{v.Name}" : $"{prefix}_{family}_{v.Name}_{suffix}";
                output.Add(new NamedFeature(name, v.IbsiFeature, v.IbsiAggregation, v.Value));
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

    private static int[] MaskedLevels(DiscretisedRoi roi) => roi.GreyLevels.Where(l => l > 0).ToArray();
}
