using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Radiomics.Filters;

/// <summary>
/// 1-D convolution along one axis of an x-fastest volume, with mirror (symmetric, edge-repeating)
/// boundary: y[i] = Σ_k h[k] x[reflect(i + k − centre)]. Only the voxels of an output box are computed
/// (others stay 0), so a chain of passes can shrink its box towards the ROI: a pass reads its input within
/// the box grown by the kernel radius along its axis.
/// </summary>
public static class SeparableConvolution
{
    /// <summary>Convolves <paramref name="input"/> along <paramref name="axis"/> (0 = x, 1 = y, 2 = z) over the whole grid.</summary>
    public static float[] Along(ReadOnlySpan<float> input, GridSize size, int axis, ReadOnlySpan<double> kernel, int centre) =>
        Along(input, size, axis, kernel, centre, VoxelBox.All(size));

    /// <summary>Convolves along <paramref name="axis"/>, computing the output inside <paramref name="box"/> only.</summary>
    public static float[] Along(ReadOnlySpan<float> input, GridSize size, int axis, ReadOnlySpan<double> kernel, int centre, VoxelBox box)
    {
        var output = new float[input.Length];
        var n = size[axis];
        var stride = axis switch { 0 => 1, 1 => size.X, _ => size.X * size.Y };
        var (u, v) = axis switch { 0 => (1, 2), 1 => (0, 2), _ => (0, 1) };
        int first = box.Start(axis), last = box.End(axis);
        var count = last - first + 1;
        var padded = count + kernel.Length <= 2048 ? stackalloc double[count + kernel.Length] : new double[count + kernel.Length];
        for (var b = box.Start(v); b <= box.End(v); b++)
        {
            for (var a = box.Start(u); a <= box.End(u); a++)
            {
                var origin = axis switch
                {
                    0 => size.Index(0, a, b),
                    1 => size.Index(a, 0, b),
                    _ => size.Index(a, b, 0),
                };

                // padded[j] = x[reflect(first + j − centre)], so y[first + i] = Σ_k h[k]·padded[i + k].
                for (var j = 0; j < count + kernel.Length - 1; j++)
                {
                    padded[j] = input[origin + Reflect(first + j - centre, n) * stride];
                }

                for (var i = 0; i < count; i++)
                {
                    double sum = 0;
                    var window = padded.Slice(i, kernel.Length);
                    for (var k = 0; k < kernel.Length; k++)
                    {
                        sum += kernel[k] * window[k];
                    }

                    output[origin + (first + i) * stride] = (float)sum;
                }
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
