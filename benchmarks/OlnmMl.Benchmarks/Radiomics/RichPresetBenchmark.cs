using BenchmarkDotNet.Attributes;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Benchmarks.Radiomics;

/// <summary>
/// One case of the rich preset (27 images, 3,699 features) on a 96³ 1 mm CT crop holding a 20 mm nodule
/// (lung at −800 HU, solid nodule around 0 HU, both with deterministic noise), on one thread, and the
/// original image alone (the IBSI CT C recipe) for comparison.
/// </summary>
[ShortRunJob]
[MemoryDiagnoser]
public class RichPresetBenchmark
{
    private Volume _image = null!;
    private Volume _mask = null!;
    private RadiomicsExtractor _rich = null!;
    private RadiomicsExtractor _ctC = null!;

    [GlobalSetup]
    public void Setup()
    {
        var geometry = ImageGeometry.AxisAligned(GridSize.Cube(96), new Vec3(1, 1, 1));
        _image = Volume.Zeros(geometry);
        _mask = Volume.Zeros(geometry);
        var random = new Random(7);
        for (var z = 0; z < 96; z++)
        {
            for (var y = 0; y < 96; y++)
            {
                for (var x = 0; x < 96; x++)
                {
                    double dx = x - 47.5, dy = y - 47.5, dz = (z - 47.5) * 1.2;
                    var inside = dx * dx + dy * dy + dz * dz <= 100;
                    _image[x, y, z] = (float)Math.Round((inside ? 0 : -800) + 60 * (random.NextDouble() - 0.5));
                    _mask[x, y, z] = inside ? 1 : 0;
                }
            }
        }

        var root = FindRepository();
        _rich = new RadiomicsExtractor(RadiomicsSettingsYaml.Load(Path.Combine(root, "pipelines", "radiomics", "rich.yaml")));
        _ctC = new RadiomicsExtractor(RadiomicsSettingsYaml.Load(Path.Combine(root, "pipelines", "radiomics", "ibsi-ct-c.yaml")));
        _ = _rich.FeatureNames;
        _ = _ctC.FeatureNames;
    }

    /// <summary>Rich preset, one case.</summary>
    [Benchmark]
    public int Rich() => _rich.Extract(_image, _mask).Features.Count;

    /// <summary>IBSI configuration C (original image, every family, 3D), one case.</summary>
    [Benchmark]
    public int IbsiCtC() => _ctC.Extract(_image, _mask).Features.Count;

    private static string FindRepository()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OlnmMl.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new DirectoryNotFoundException("OlnmMl.sln not found above the benchmark binary.");
    }
}
