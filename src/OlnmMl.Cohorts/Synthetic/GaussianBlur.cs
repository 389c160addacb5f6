using System.Buffers;
using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// Separable Gaussian blur of a voxel array in place: along each axis, out[i] = Σⱼ w(j)·in[clamp(i + j)] with
/// w(j) ∝ exp(−j²/2σ²), |j| ≤ ⌈3σ⌉, normalised to sum 1 (edges replicate the border voxel). σ in voxels; an
/// axis with σ &lt; 0.05 is left alone. Uses one pooled line buffer per axis: no per-voxel allocation.
/// </summary>
internal static class GaussianBlur
{
    public static void Apply(Span<float> voxels, GridSize size, double sigmaX, double sigmaY, double sigmaZ)
    {
        Axis(voxels, size, 0, sigmaX);
        Axis(voxels, size, 1, sigmaY);
        Axis(voxels, size, 2, sigmaZ);
    }

    private static void Axis(Span<float> voxels, GridSize size, int axis, double sigma)
    {
        if (sigma < 0.05)
        {
            return;
        }

        var radius = (int)Math.Ceiling(3 * sigma);
        Span<float> weights = stackalloc float[2 * radius + 1];
        var sum = 0.0;
        for (var j = -radius; j <= radius; j++)
        {
            var w = Math.Exp(-j * j / (2 * sigma * sigma));
            weights[j + radius] = (float)w;
            sum += w;
        }

        for (var j = 0; j < weights.Length; j++)
        {
            weights[j] = (float)(weights[j] / sum);
        }

        var length = size[axis];
        var stride = axis switch { 0 => 1, 1 => size.X, _ => size.X * size.Y };
        var lines = (int)(size.Count / length);
        var line = ArrayPool<float>.Shared.Rent(length);
        try
        {
            for (var l = 0; l < lines; l++)
            {
                var start = axis switch
                {
                    0 => l * size.X,
                    1 => (l / size.X) * size.X * size.Y + l % size.X,
                    _ => l,
                };
                for (var i = 0; i < length; i++)
                {
                    line[i] = voxels[start + i * stride];
                }

                for (var i = 0; i < length; i++)
                {
                    var value = 0f;
                    for (var j = -radius; j <= radius; j++)
                    {
                        value += weights[j + radius] * line[Math.Clamp(i + j, 0, length - 1)];
                    }

                    voxels[start + i * stride] = value;
                }
            }
        }
        finally
        {
            ArrayPool<float>.Shared.Return(line);
        }
    }
}
