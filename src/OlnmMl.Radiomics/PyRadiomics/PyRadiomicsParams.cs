using System.Globalization;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Settings;
using YamlDotNet.Core;

namespace OlnmMl.Radiomics.PyRadiomics;

/// <summary>
/// Reads a PyRadiomics parameter file (sections <c>imageType</c>, <c>featureClass</c>, <c>setting</c>,
/// <c>voxelSetting</c>; PyRadiomics' docs/customization.rst) into a recipe, taking PyRadiomics' defaults where the file
/// is silent (binWidth 25, label 1, interpolator sitkBSpline, distances [1], …). Mapping:
/// binWidth → fixed bin size with <see cref="BinOrigin.Zero"/> (equal to PyRadiomics' discretisation); binCount → fixed
/// bin number (equal); resampledPixelSpacing + interpolator → IBSI interpolation (sitkNearestNeighbor → nearest,
/// sitkLinear → linear, sitkBSpline and the others → cubic); resegmentRange in absolute mode → range, in sigma mode
/// [−k, k] → outlier filter μ ± kσ; label → mask label; force2D/weightingNorm → the one texture aggregation PyRadiomics
/// computes (3d_avg, 3d_v_mrg, 2_5d_d_mrg, 2_5d_v_mrg); distances → texture distance; firstorder → stat + ih,
/// shape → morph, gldm → ngldm; image types Original, LoG, Wavelet (haar, coif1), Square, SquareRoot, Logarithm,
/// Exponential, Gradient. Everything else is a note: one line per item, "… no equivalent, skipped".
/// Features are named the PyRadiomics way. Bad values throw <see cref="RadiomicsSettingsException"/> naming the
/// file, line and key.
/// </summary>
public static partial class PyRadiomicsParams
{
    private static readonly string[] Sections = ["imageType", "featureClass", "setting", "voxelSetting"];

    /// <summary>True when <paramref name="yaml"/> is a mapping with a PyRadiomics section at the top.</summary>
    public static bool IsParameterFile(string yaml) =>
        TryRead(yaml)?.Entries is { } entries && entries.Any(e => Sections.Contains(e.Key.Scalar));

    /// <summary>Reads and converts the parameter file at <paramref name="path"/>.</summary>
    /// <exception cref="RadiomicsSettingsException">A missing file, bad YAML or a bad value, naming the file and key.</exception>
    public static PyRadiomicsImport Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new RadiomicsSettingsException($"PyRadiomics parameter file '{path}' does not exist.");
        }

        return Parse(File.ReadAllText(path), path);
    }

    /// <summary>Converts parameter-file YAML; <paramref name="source"/> names it in messages and gives the recipe its name.</summary>
    /// <exception cref="RadiomicsSettingsException">Bad YAML or a bad value, naming the source, line and key.</exception>
    public static PyRadiomicsImport Parse(string yaml, string source = "<yaml>")
    {
        ParameterNode? root;
        try
        {
            root = ParameterNode.Read(yaml);
        }
        catch (YamlException e)
        {
            throw new RadiomicsSettingsException($"{source}: line {e.Start.Line}, column {e.Start.Column}: {e.InnerException?.Message ?? e.Message}", e);
        }

        if (root?.Entries is null)
        {
            throw new RadiomicsSettingsException($"{source}: a PyRadiomics parameter file is a mapping of imageType, featureClass, setting and voxelSetting.");
        }

        return new ParameterFile(root, source).Convert();
    }

    private static ParameterNode? TryRead(string yaml)
    {
        try
        {
            return ParameterNode.Read(yaml);
        }
        catch (YamlException)
        {
            return null;
        }
    }

    // One conversion: the file's sections, the notes and the defaults taken (image types and feature classes in
    // PyRadiomicsParams.Images.cs).
    private sealed partial class ParameterFile
    {
        private readonly string _source;
        private readonly Dictionary<string, (ParameterNode Key, ParameterNode? Value)> _sections = [];
        private readonly Dictionary<string, (ParameterNode Key, ParameterNode? Value)> _settings;
        private readonly List<string> _notes = [];
        private readonly List<string> _defaults = [];

        public ParameterFile(ParameterNode root, string source)
        {
            _source = source;
            foreach (var (key, keyNode, value) in Entries(root, ""))
            {
                if (!Sections.Contains(key))
                {
                    Fail(keyNode, key, "is not a PyRadiomics section (expected imageType, featureClass, setting or voxelSetting)");
                }

                _sections[key] = (keyNode, value);
            }

            _settings = Section("setting") is { } setting ? Entries(setting, "setting").ToDictionary(e => e.Key, e => (e.KeyNode, e.Value)) : [];
        }

        public PyRadiomicsImport Convert()
        {
            var discretisation = Discretisation();
            var label = Int("label") ?? Default("label 1", 1);
            if (label < 1)
            {
                Fail("setting.label", $"must be a positive mask value, got {label}");
            }

            var (aggregation, distance) = Texture();
            var settings = new RadiomicsSettings(
                Path.GetFileNameWithoutExtension(_source),
                Interpolation(),
                Resegmentation(),
                discretisation,
                discretisation,
                DiscretisationSettings.Identity,
                discretisation,
                ImageTypes(),
                Families(),
                distance,
                [aggregation],
                FeatureNaming.PyRadiomics,
                label);
            if (settings.Resegmentation != ResegmentationSettings.None && settings.ImageTypes.Any(t => t.Kind != ImageFilterKind.Original))
            {
                Note("setting resegmentRange: re-segments the original image only; PyRadiomics uses the re-segmented mask on filtered images too");
            }

            FirstOrderAndOtherSettings();
            if (Section("voxelSetting") is not null)
            {
                _notes.Add("voxelSetting: no equivalent (voxel-based feature maps), skipped");
            }

            return new PyRadiomicsImport(settings, _notes, _defaults);
        }

        private DiscretisationSettings Discretisation()
        {
            if (Int("binCount") is { } bins)
            {
                if (bins < 1)
                {
                    Fail("setting.binCount", $"must be ≥ 1, got {bins}");
                }

                if (Double("binWidth") is { } ignored)
                {
                    Note($"setting binWidth {Format(ignored)}: ignored, binCount takes precedence (as in PyRadiomics)");
                }

                return new DiscretisationSettings(DiscretisationMethod.FixedBinNumber, BinCount: bins);
            }

            var width = Double("binWidth") ?? Default("binWidth 25", 25.0);
            if (!(width > 0))
            {
                Fail("setting.binWidth", $"must be positive, got {Format(width)}");
            }

            return new DiscretisationSettings(DiscretisationMethod.FixedBinSize, BinWidth: width, Origin: BinOrigin.Zero);
        }

        private InterpolationSettings? Interpolation()
        {
            var spacing = Doubles("resampledPixelSpacing");
            var interpolator = Text("interpolator");
            var (kernel, kernelNote) = Kernel(interpolator ?? "sitkBSpline");
            if (spacing is null)
            {
                if (!_settings.ContainsKey("resampledPixelSpacing"))
                {
                    Default("resampledPixelSpacing None (no resampling)");
                }

                return null;
            }

            if (spacing.Count != 3 || spacing.Any(s => !(s >= 0)))
            {
                Fail("setting.resampledPixelSpacing", "must be three spacings ≥ 0 in mm (x, y, z)");
            }

            if (_settings.ContainsKey("interpolator") && interpolator is null)
            {
                Note("setting interpolator None: resampling disabled (as in PyRadiomics)");
                return null;
            }

            if (interpolator is null)
            {
                Default("interpolator sitkBSpline");
            }

            if (spacing is [> 0, > 0, > 0] || spacing is [> 0, > 0, 0])
            {
                if (kernelNote is not null)
                {
                    Note(kernelNote);
                }

                Note("setting resampledPixelSpacing: resampled on the IBSI grid (grid centres aligned, mask interpolated linearly and kept at ≥ 0.5), "
                    + "where PyRadiomics aligns the grid to the ROI's bounding box and resamples the mask by nearest neighbour");
                return new InterpolationSettings(new Vec3(spacing[0], spacing[1], spacing[2] > 0 ? spacing[2] : 1), spacing[2] == 0, kernel);
            }

            Note($"setting resampledPixelSpacing [{string.Join(", ", spacing.Select(Format))}]: keeping the x or y spacing has no equivalent, not resampled");
            return null;
        }

        // Our kernel for a SimpleITK interpolator (name or number), with the note its use needs.
        private (ImageInterpolation Kernel, string? Note) Kernel(string name) => name switch
        {
            "sitkNearestNeighbor" or "1" => (ImageInterpolation.Nearest, null),
            "sitkLinear" or "2" => (ImageInterpolation.Linear, null),
            "sitkBSpline" or "3" => (ImageInterpolation.CubicSpline,
                "setting interpolator sitkBSpline: cubic, the tricubic B-spline with the interpolating prefilter (as SimpleITK's order-3 B-spline)"),
            "sitkGaussian" or "4" or "sitkLabelGaussian" or "5" or "sitkHammingWindowedSinc" or "6" or "sitkCosineWindowedSinc" or "7"
                or "sitkWelchWindowedSinc" or "8" or "sitkLanczosWindowedSinc" or "9" or "sitkBlackmanWindowedSinc" or "10" =>
                (ImageInterpolation.CubicSpline, $"setting interpolator {name}: no equivalent, cubic B-spline used"),
            _ => Fail<(ImageInterpolation, string?)>("setting.interpolator", $"unknown interpolator '{name}' (expected a SimpleITK name such as sitkBSpline, or 1-10)"),
        };

        private ResegmentationSettings Resegmentation()
        {
            var range = Doubles("resegmentRange");
            var mode = Text("resegmentMode");
            if (Bool("resegmentShape") == true)
            {
                Note("setting resegmentShape True: no equivalent (shape uses the mask before re-segmentation), skipped");
            }

            if (range is null)
            {
                return ResegmentationSettings.None;
            }

            mode ??= Default("resegmentMode absolute", "absolute");
            switch (mode)
            {
                case "absolute" when range is [var min, var max]:
                    return min < max ? new ResegmentationSettings(min, max) : Fail<ResegmentationSettings>("setting.resegmentRange", "must be [min, max] with min < max");
                case "sigma" when range is [var low, var high] && low == -high && high > 0:
                    return new ResegmentationSettings(OutlierSigma: high);
                case "absolute" or "sigma" or "relative":
                    Note($"setting resegmentRange [{string.Join(", ", range.Select(Format))}] in {mode} mode: no equivalent, skipped");
                    return ResegmentationSettings.None;
                default:
                    return Fail<ResegmentationSettings>("setting.resegmentMode", $"unknown mode '{mode}' (expected absolute, relative or sigma)");
            }
        }

        private (string Aggregation, int Distance) Texture()
        {
            var force2D = Bool("force2D") ?? Default("force2D False", false);
            if (Int("force2Ddimension") is { } dimension and not 0)
            {
                Note($"setting force2Ddimension {dimension}: no equivalent (slices are axial), skipped");
            }

            var merged = false;
            switch (Text("weightingNorm"))
            {
                case null when !_settings.ContainsKey("weightingNorm"):
                    Default("weightingNorm None");
                    break;
                case null:
                    break;
                case "no_weighting":
                    merged = true;
                    break;
                case var norm:
                    Note($"setting weightingNorm {norm}: distance weighting has no equivalent, the direction matrices are merged unweighted");
                    merged = true;
                    break;
            }

            var distances = Doubles("distances") ?? [Default("distances [1]", 1)];
            if (distances.Count == 0 || distances.Any(d => !(d >= 1) || d != Math.Floor(d)))
            {
                Fail("setting.distances", "must be a list of integers ≥ 1");
            }

            if (distances.Count > 1)
            {
                Note($"setting distances [{string.Join(", ", distances.Select(Format))}]: several distances have no equivalent, distance {Format(distances[0])} used");
            }

            if ((Bool("symmetricalGLCM") ?? Default("symmetricalGLCM True", true)) is false)
            {
                Note("setting symmetricalGLCM False: no equivalent (the GLCM is symmetric), skipped");
            }

            if ((Double("gldm_a") ?? Default("gldm_a 0", 0.0)) is var alpha and not 0)
            {
                Note($"setting gldm_a {Format(alpha)}: no equivalent (dependence needs equal grey levels, α = 0), skipped");
            }

            var aggregation = (force2D, merged) switch
            {
                (false, false) => "3d_avg",
                (false, true) => "3d_v_mrg",
                (true, false) => "2_5d_d_mrg",
                (true, true) => "2_5d_v_mrg",
            };
            return (aggregation, (int)distances[0]);
        }

        private void FirstOrderAndOtherSettings()
        {
            if ((Double("voxelArrayShift") ?? Default("voxelArrayShift 0", 0.0)) is var shift and not 0)
            {
                Note($"setting voxelArrayShift {Format(shift)}: no equivalent (Energy and RootMeanSquared are computed without a shift), skipped");
            }

            if ((Bool("normalize") ?? Default("normalize False", false)) is true)
            {
                Note("setting normalize True: no equivalent (intensities are used as read), skipped");
            }

            string[] handled =
            [
                "binWidth", "binCount", "label", "resampledPixelSpacing", "interpolator", "resegmentRange", "resegmentMode", "resegmentShape",
                "force2D", "force2Ddimension", "weightingNorm", "distances", "symmetricalGLCM", "gldm_a", "voxelArrayShift", "normalize",
                "sigma", "wavelet", "level", "start_level",
            ];
            foreach (var (key, value) in _settings.Where(s => !handled.Contains(s.Key)))
            {
                Note($"setting {key} {Describe(value.Value)}: no equivalent, skipped");
            }
        }

        // ---- reading values ----

        private ParameterNode? Section(string name)
        {
            if (!_sections.TryGetValue(name, out var entry) || IsNull(entry.Value))
            {
                return null;
            }

            return entry.Value!.Entries is not null ? entry.Value : Fail<ParameterNode>(entry.Value!, name, "must be a mapping");
        }

        private IEnumerable<(string Key, ParameterNode KeyNode, ParameterNode? Value)> Entries(ParameterNode mapping, string path) =>
            mapping.Entries!.Select(c => (Name(c.Key) ?? Fail<string>(c.Key, path, "has a key that is not a name"), c.Key, IsNull(c.Value) ? null : c.Value));

        private double? Double(string key) => _settings.TryGetValue(key, out var v) ? Double(v.Value, "setting." + key) : null;

        private int? Int(string key) => _settings.TryGetValue(key, out var v) ? Int(v.Value, "setting." + key) : null;

        private bool? Bool(string key) => _settings.TryGetValue(key, out var v) ? Bool(v.Value, "setting." + key) : null;

        private string? Text(string key) => _settings.TryGetValue(key, out var v) ? Text(v.Value, "setting." + key) : null;

        private List<double>? Doubles(string key) => _settings.TryGetValue(key, out var v) ? Doubles(v.Value, "setting." + key) : null;

        private double? Double(ParameterNode? node, string key) => node?.AsDouble(_source, key);

        private int? Int(ParameterNode? node, string key) => node?.AsInt(_source, key);

        private bool? Bool(ParameterNode? node, string key) => node?.AsBool(_source, key);

        private string? Text(ParameterNode? node, string key) => node?.AsText(_source, key);

        private List<double>? Doubles(ParameterNode? node, string key) => node?.AsDoubles(_source, key);

        private static bool IsNull(ParameterNode? node) => node is null || node.IsNull;

        private static string? Name(ParameterNode node) => node.Scalar is { Length: > 0 } name ? name : null;

        private static string Describe(ParameterNode? node) => node?.Describe() ?? "None";

        private static string Format(double value) => value.ToString("R", CultureInfo.InvariantCulture);

        private void Note(string line) => _notes.Add(line);

        private T Default<T>(string line, T value)
        {
            Default(line);
            return value;
        }

        private void Default(string line) => _defaults.Add(line);

        // A bad value: the file, the line of the value (else of the section) and the key.
        private void Fail(string key, string problem) => Fail<int>(LineNode(key), key, problem);

        private T Fail<T>(string key, string problem) => Fail<T>(LineNode(key), key, problem);

        private void Fail(ParameterNode node, string key, string problem) => Fail<int>(node, key, problem);

        private T Fail<T>(ParameterNode node, string key, string problem) => throw node.Error(_source, key, problem);

        private ParameterNode LineNode(string key)
        {
            var parts = key.Split('.');
            if (parts[0] == "setting" && parts.Length > 1 && _settings.TryGetValue(parts[1], out var entry))
            {
                return entry.Value ?? entry.Key;
            }

            return _sections.TryGetValue(parts[0], out var section) ? section.Value ?? section.Key : _sections.Values.First().Key;
        }
    }
}
