using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Filters;

/// <summary>
/// Undecimated (stationary) first-level 3D wavelet decomposition: along each axis the image is filtered
/// by the decomposition low-pass (L) or high-pass (H) filter of the wavelet, giving the 8 sub-bands
/// LLL … HHH (letters in x, y, z order). High-pass h[k] = (−1)^{k+1} l[N−1−k]. Mirror boundary.
/// </summary>
public static class Wavelet
{
    private static readonly double[] HaarLow = [1 / Math.Sqrt(2), 1 / Math.Sqrt(2)];

    private static readonly double[] Coiflet1Low =
    [
        -0.015655728135464540, -0.072732619512853900, 0.384864846864202860,
        0.852572020212255400, 0.337897662457809200, -0.072732619512853900,
    ];

    /// <summary>The sub-band names in output order.</summary>
    public static IReadOnlyList<string> SubBands { get; } =
        ["LLL", "LLH", "LHL", "LHH", "HLL", "HLH", "HHL", "HHH"];

    /// <summary>The 8 sub-bands over the whole grid.</summary>
    public static float[][] Decompose(float[] image, GridSize size, string wavelet) =>
        Decompose(image, size, wavelet, VoxelBox.All(size));

    /// <summary>
    /// The 8 sub-bands of <paramref name="image"/> for wavelet "haar" or "coif1", in <see cref="SubBands"/>
    /// order, inside <paramref name="region"/> (NaN elsewhere).
    /// </summary>
    public static float[][] Decompose(float[] image, GridSize size, string wavelet, VoxelBox region)
    {
        var low = wavelet switch
        {
            "haar" => HaarLow,
            "coif1" => Coiflet1Low,
            _ => throw new ArgumentException($"Unknown wavelet '{wavelet}' (expected haar or coif1).", nameof(wavelet)),
        };
        var high = new double[low.Length];
        for (var k = 0; k < low.Length; k++)
        {
            high[k] = (k % 2 == 0 ? -1 : 1) * low[low.Length - 1 - k];
        }

        var centre = (low.Length - 1) / 2;
        var reach = low.Length - 1;
        VoxelBox[] boxes = [region.Grow(0, reach, reach, size), region.Grow(0, 0, reach, size), region];
        var bands = new List<float[]> { image };
        for (var axis = 0; axis < 3; axis++)
        {
            var next = new List<float[]>(bands.Count * 2);
            foreach (var band in bands)
            {
                next.Add(SeparableConvolution.Along(band, size, axis, low, centre, boxes[axis]));
                next.Add(SeparableConvolution.Along(band, size, axis, high, centre, boxes[axis]));
            }

            bands = next;
        }

        // bands are ordered x-major (x letter varies slowest): index = 4·x + 2·y + z, matching SubBands.
        foreach (var band in bands)
        {
            for (var z = 0; z < size.Z; z++)
            {
                for (var y = 0; y < size.Y; y++)
                {
                    for (var x = 0; x < size.X; x++)
                    {
                        if (!region.Contains(x, y, z))
                        {
                            band[size.Index(x, y, z)] = float.NaN;
                        }
                    }
                }
            }
        }

        return [.. bands];
    }
}
