using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Torch.Tests;

/// <summary>One synthetic case: a 16³ crop, four radiomics features, label and centre.</summary>
public sealed class SyntheticCase
{
    public const int Edge = 16;

    [VectorType(Edge * Edge * Edge)]
    public float[] Image { get; set; } = [];

    [VectorType(4)]
    public float[] Radiomics { get; set; } = [];

    public bool Label { get; set; }

    public string Centre { get; set; } = "";
}

/// <summary>
/// A tiny cohort with a known signal: positives have a brighter central 6³ "lesion"
/// (mean 1.6 vs 1.0, voxel noise SD 0.3) and radiomics feature 0 shifted by +0.5 SD; the other
/// three features are pure noise. Cases alternate between centres A and B.
/// </summary>
public static class SyntheticCohort
{
    public static IDataView Create(MLContext mlContext, int positives, int negatives, int seed) =>
        mlContext.Data.LoadFromEnumerable(Cases(positives, negatives, seed));

    public static List<SyntheticCase> Cases(int positives, int negatives, int seed)
    {
        var random = new Random(seed);
        var cases = new List<SyntheticCase>();
        for (int i = 0; i < positives + negatives; i++)
        {
            bool label = i < positives;
            const int e = SyntheticCase.Edge;
            var image = new float[e * e * e];
            float lesion = label ? 1.6f : 1.0f;
            for (int z = 0; z < e; z++)
            {
                for (int y = 0; y < e; y++)
                {
                    for (int x = 0; x < e; x++)
                    {
                        bool inside = Math.Abs(z - 7.5) < 3 && Math.Abs(y - 7.5) < 3 && Math.Abs(x - 7.5) < 3;
                        image[(z * e + y) * e + x] = (inside ? lesion : 0f) + 0.3f * Gaussian(random);
                    }
                }
            }
            var radiomics = new float[4];
            for (int f = 0; f < 4; f++)
            {
                radiomics[f] = Gaussian(random) + (f == 0 && label ? 0.5f : 0f);
            }
            cases.Add(new SyntheticCase { Image = image, Radiomics = radiomics, Label = label, Centre = i % 2 == 0 ? "A" : "B" });
        }
        return cases;
    }

    private static float Gaussian(Random random) =>
        (float)(Math.Sqrt(-2 * Math.Log(1 - random.NextDouble())) * Math.Cos(2 * Math.PI * random.NextDouble()));
}
