using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Filters;

/// <summary>
/// 1-D convolution along one axis of an x-fastest volume, with mirror (symmetric, edge-repeating)
/// boundary: y[i] = Σ_k h[k] x[reflect(i + k − centre)].
/// </summary>
public static class SeparableConvolution
{
    /// <summary>Convolves <paramref name="input"/> along <paramref name="axis"/> (0 = x, 1 = y, 2 = z) with <paramref name="kernel"/> centred at index <paramref name="centre"/>.</summary>
    public static float[] Along(ReadOnlySpan<float> input, GridSize size, int axis, ReadOnlySpan<double> kernel, int centre)
    {
        var output = new float[input.Length];
        var n = size[axis];
        var stride = axis switch { 0 => 1, 1 => size.X, _ => size.X * size.Y };
        Span<double> line = n <= 1024 ? stackalloc double[n] : new double[n];
        var lines = (int)(size.Count / n);
        for (var l = 0; l < lines; l++)
        {
            var start = axis switch
            {
                0 => l * size.X,
                1 => l % size.X + l / size.X * size.X * size.Y,
                _ => l,
            };
            for (var i = 0; i < n; i++)
            {
                line[i] = input[start + i * stride];
            }

            for (var i = 0; i < n; i++)
            {
                double sum = 0;
                for (var k = 0; k < kernel.Length; k++)
                {
                    sum += kernel[k] * line[Reflect(i + k - centre, n)];
                }

                output[start + i * stride] = (float)sum;
            }
        }

        return output;
    }

    private static int Reflect(int i, int n)
    {
        if (n == 1)
        {
            return 0;
        }

        var period = 2 * n;
        i %= period;
        if (i < 0)
        {
            i += period;
        }

        return i < n ? i : period - 1 - i;
    }
}
