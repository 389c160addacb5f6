using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.PyRadiomics;

// The imageType and featureClass sections of a parameter file.
public static partial class PyRadiomicsParams
{
    private sealed partial class ParameterFile
    {
        private IReadOnlyList<ImageTypeSettings> ImageTypes()
        {
            var section = Section("imageType");
            if (section is null)
            {
                Default("imageType Original");
                return [ImageTypeSettings.Original];
            }

            var types = new List<ImageTypeSettings>();
            foreach (var (name, _, value) in Entries(section, "imageType"))
            {
                var custom = value?.Entries is not null ? Entries(value, $"imageType.{name}").ToDictionary(e => e.Key, e => e.Value) : [];
                if (value is { Entries: null })
                {
                    Fail(value, $"imageType.{name}", "must be a mapping of settings ({} for none)");
                }

                if (ImageType(name, custom) is { } type)
                {
                    types.Add(type);
                }
            }

            return types.Count > 0 ? types : Fail<IReadOnlyList<ImageTypeSettings>>("imageType", "enables no image type that has an equivalent");
        }

        private ImageTypeSettings? ImageType(string name, Dictionary<string, ParameterNode?> custom)
        {
            string[] own = name switch { "LoG" => ["sigma"], "Wavelet" => ["wavelet", "level", "start_level"], _ => [] };
            foreach (var (key, value) in custom.Where(c => !own.Contains(c.Key)))
            {
                Note($"imageType {name} {key} {Describe(value)}: per-image-type settings have no equivalent, the global setting is used");
            }

            switch (name)
            {
                case "Original":
                    return ImageTypeSettings.Original;
                case "Square" or "SquareRoot" or "Logarithm" or "Exponential" or "Gradient":
                    return new ImageTypeSettings(Enum.Parse<ImageFilterKind>(name), [], []);
                case "LoG":
                    var sigmas = (custom.TryGetValue("sigma", out var s) ? Doubles(s, "imageType.LoG.sigma") : null) ?? Doubles("sigma");
                    if (sigmas is null || sigmas.Count == 0)
                    {
                        Note("imageType LoG: no sigma, skipped (PyRadiomics computes no LoG features without one)");
                        return null;
                    }

                    if (sigmas.Any(v => !(v > 0)))
                    {
                        Fail("imageType.LoG.sigma", "must be positive σ values in mm");
                    }

                    return new ImageTypeSettings(ImageFilterKind.LaplacianOfGaussian, sigmas, []);
                case "Wavelet":
                    var wavelet = (custom.TryGetValue("wavelet", out var w) ? Text(w, "imageType.Wavelet.wavelet") : null)
                        ?? Text("wavelet") ?? Default("wavelet coif1", "coif1");
                    var level = (custom.TryGetValue("level", out var l) ? Int(l, "imageType.Wavelet.level") : null) ?? Int("level") ?? 1;
                    var start = (custom.TryGetValue("start_level", out var st) ? Int(st, "imageType.Wavelet.start_level") : null) ?? Int("start_level") ?? 0;
                    if (wavelet is not ("haar" or "coif1"))
                    {
                        Note($"imageType Wavelet {wavelet}: no equivalent (haar and coif1 only), skipped");
                        return null;
                    }

                    if (level != 1 || start != 0)
                    {
                        Note($"imageType Wavelet level {level}, start_level {start}: no equivalent (one decomposition level), the first level used");
                    }

                    return new ImageTypeSettings(ImageFilterKind.Wavelet, [], [wavelet]);
                case "LBP2D" or "LBP3D":
                    Note($"imageType {name}: no equivalent, skipped");
                    return null;
                default:
                    return Fail<ImageTypeSettings?>("imageType", $"unknown image type '{name}' (expected Original, LoG, Wavelet, Square, SquareRoot, Logarithm, Exponential, Gradient, LBP2D or LBP3D)");
            }
        }

        private IReadOnlyList<string> Families()
        {
            var section = Section("featureClass");
            string[] classes = ["firstorder", "shape", "glcm", "glrlm", "glszm", "gldm", "ngtdm"];
            var enabled = new HashSet<string>();
            if (section is null)
            {
                Default("featureClass firstorder, shape, glcm, glrlm, glszm, gldm, ngtdm");
                enabled.UnionWith(classes);
            }
            else
            {
                foreach (var (name, _, value) in Entries(section, "featureClass"))
                {
                    if (name == "shape2D")
                    {
                        Note("featureClass shape2D: no equivalent (2D shape), skipped");
                        continue;
                    }

                    if (!classes.Contains(name))
                    {
                        Fail("featureClass", $"unknown feature class '{name}' (expected {string.Join(", ", classes)} or shape2D)");
                    }

                    if (value is { Items.Count: > 0 })
                    {
                        Note($"featureClass {name} {Describe(value)}: single features cannot be selected, the whole class is extracted");
                    }

                    enabled.Add(name);
                }
            }

            return FeatureFamilies.All.Where(f => PyRadiomicsNames.ClassOf(f) is { } c && enabled.Contains(c)).ToArray();
        }
    }
}
