using BenchmarkDotNet.Attributes;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics;
using OlnmMl.Radiomics.Texture;

namespace OlnmMl.Benchmarks.Radiomics;

/// <summary>
/// Texture families on one case of the size the rich preset sees: a 96³ grid at 1 mm with a 20 mm
/// diameter spherical nodule discretised into 32 grey levels, 3D averaged and merged aggregations.
/// Run: dotnet run -c Release --project benchmarks/OlnmMl.Benchmarks -- --filter '*TextureBenchmarks*' --job short
/// </summary>
/// <remarks>
/// Short job, .NET 10, one thread on the shared 2-core build machine under heavy load (load average
/// 23–45, so ±50 %), 2026-11-24: GLCM 0.6–1.3 ms, GLRLM 0.35–0.9 ms, GLSZM 0.5 ms, GLDZM 0.7 ms,
/// NGTDM 0.36 ms, NGLDM 0.46 ms (3 ms before its dependence count went branch-free); all six
/// 3D families 2.4–5 ms; all six with every aggregation (408 features) ≈ 15 ms. Allocations
/// 2–13 KB per family (result lists and small per-call tables; matrices use pooled buffers).
/// </remarks>
[MemoryDiagnoser]
[ShortRunJob]
public class TextureBenchmarks
{
    private static readonly DirectionalAggregation[] Directional = [DirectionalAggregation.Averaged3D, DirectionalAggregation.Merged3D];
    private static readonly ZoneAggregation[] Volume = [ZoneAggregation.Volume3D];

    private DiscretisedRoi roi = null!;

    [GlobalSetup]
    public void Setup() => roi = Nodule(edge: 96, radius: 10, levels: 32, seed: 7);

    [Benchmark]
    public int Glcm3D() => Glcm.Compute(roi, new GlcmSettings { Aggregations = Directional }).Count;

    [Benchmark]
    public int Glrlm3D() => Glrlm.Compute(roi, new GlrlmSettings { Aggregations = Directional }).Count;

    [Benchmark]
    public int Glszm3D() => Glszm.Compute(roi, new GlszmSettings { Aggregations = Volume }).Count;

    [Benchmark]
    public int Gldzm3D() => Gldzm.Compute(roi, new GldzmSettings { Aggregations = Volume }).Count;

    [Benchmark]
    public int Ngtdm3D() => Ngtdm.Compute(roi, new NgtdmSettings { Aggregations = Volume }).Count;

    [Benchmark]
    public int Ngldm3D() => Ngldm.Compute(roi, new NgldmSettings { Aggregations = Volume }).Count;

    [Benchmark]
    public int AllFamilies3D() =>
        Glcm3D() + Glrlm3D() + Glszm3D() + Gldzm3D() + Ngtdm3D() + Ngldm3D();

    /// <summary>Every family with every aggregation IBSI defines (2D, 2.5D and 3D): 408 features.</summary>
    [Benchmark]
    public int AllFamiliesEveryAggregation() =>
        Glcm.Compute(roi).Count + Glrlm.Compute(roi).Count + Glszm.Compute(roi).Count +
        Gldzm.Compute(roi).Count + Ngtdm.Compute(roi).Count + Ngldm.Compute(roi).Count;

    /// <summary>
    /// A sphere of <paramref name="radius"/> voxels centred in an <paramref name="edge"/>³ grid whose
    /// intensity is a smooth pattern plus noise, discretised into <paramref name="levels"/> equal bins.
    /// </summary>
    private static DiscretisedRoi Nodule(int edge, double radius, int levels, int seed)
    {
        var size = GridSize.Cube(edge);
        var random = new Random(seed);
        var grey = new int[size.Count];
        var mask = new bool[size.Count];
        var centre = (edge - 1) / 2.0;
        for (var z = 0; z < edge; z++)
        {
            for (var y = 0; y < edge; y++)
            {
                for (var x = 0; x < edge; x++)
                {
                    double dx = x - centre, dy = y - centre, dz = z - centre;
                    var r = Math.Sqrt((dx * dx) + (dy * dy) + (dz * dz));
                    if (r > radius)
                    {
                        continue;
                    }

                    var intensity = 0.5 + (0.25 * Math.Sin(x * 0.7) * Math.Cos(y * 0.5)) + (0.15 * Math.Sin(z * 0.9)) + (0.1 * (random.NextDouble() - 0.5));
                    var index = size.Index(x, y, z);
                    grey[index] = Math.Clamp(1 + (int)(intensity * levels), 1, levels);
                    mask[index] = true;
                }
            }
        }

        return new DiscretisedRoi(size, new Vec3(1, 1, 1), grey, levels, mask);
    }
}
