namespace OlnmMl.Torch.Tests.Pretraining;

/// <summary>
/// Tiny unlabelled crops with an orientation a network can learn: background 0.2 with uniform noise ±0.05, a bright 4×4
/// (H×W) block of 1.0 through 4–12 slices in the low-H, low-W quadrant (position jittered by 0–2 voxels) and a dimmer bar
/// (0.6) along W at high H, so each quarter turn about the depth axis puts them in a different place.
/// </summary>
internal static class OrientedCrops
{
    public static float[][] Create(int count, int edge, int seed)
    {
        var random = new Random(seed);
        var crops = new float[count][];
        for (int n = 0; n < count; n++)
        {
            var crop = new float[edge * edge * edge];
            for (int i = 0; i < crop.Length; i++)
            {
                crop[i] = 0.2f + (float)(0.1 * random.NextDouble() - 0.05);
            }
            var (y0, x0, z0, depth) = (2 + random.Next(3), 2 + random.Next(3), random.Next(4), 4 + random.Next(edge - 8));
            for (int z = z0; z < Math.Min(edge, z0 + depth); z++)
            {
                for (int y = y0; y < y0 + 4; y++)
                {
                    for (int x = x0; x < x0 + 4; x++)
                    {
                        crop[x + edge * (y + edge * z)] = 1f;
                    }
                }
                for (int x = 2; x < edge - 2; x++)
                {
                    crop[x + edge * (edge - 3 + edge * z)] = 0.6f;
                }
            }
            crops[n] = crop;
        }
        return crops;
    }
}
