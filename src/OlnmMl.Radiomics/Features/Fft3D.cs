namespace OlnmMl.Radiomics.Features;

/// <summary>
/// In-place complex discrete Fourier transform of an Nx × Ny × Nz array (x fastest, every N a power of two):
/// X(u) = Σ_n x(n) e^{∓2πi u·n/N}, forward with the minus sign, inverse with the plus sign and the 1/(NxNyNz) factor.
/// One radix-2 transform per line along each axis in turn.
/// </summary>
internal static class Fft3D
{
    /// <summary>The smallest power of two ≥ <paramref name="n"/>.</summary>
    public static int PowerOfTwoAtLeast(int n)
    {
        var m = 1;
        while (m < n)
        {
            m <<= 1;
        }

        return m;
    }

    /// <summary>Transforms (<paramref name="re"/>, <paramref name="im"/>) in place.</summary>
    public static void Transform(double[] re, double[] im, int nx, int ny, int nz, bool inverse)
    {
        TransformAxis(re, im, nx, 1, ny * nz, line => line * nx, inverse);
        TransformAxis(re, im, ny, nx, nx * nz, line => line % nx + line / nx * nx * ny, inverse);
        TransformAxis(re, im, nz, nx * ny, nx * ny, line => line, inverse);
        if (inverse)
        {
            var scale = 1.0 / re.Length;
            for (var i = 0; i < re.Length; i++)
            {
                re[i] *= scale;
                im[i] *= scale;
            }
        }
    }

    private static void TransformAxis(double[] re, double[] im, int length, int stride, int lines, Func<int, int> lineStart, bool inverse)
    {
        if (length == 1)
        {
            return;
        }

        var cos = new double[length / 2];
        var sin = new double[length / 2];
        for (var k = 0; k < length / 2; k++)
        {
            var angle = 2 * Math.PI * k / length;
            cos[k] = Math.Cos(angle);
            sin[k] = inverse ? Math.Sin(angle) : -Math.Sin(angle);
        }

        Parallel.For(0, lines, () => (new double[length], new double[length]), (line, _, buffers) =>
        {
            var (bre, bim) = buffers;
            var start = lineStart(line);
            for (var i = 0; i < length; i++)
            {
                bre[i] = re[start + i * stride];
                bim[i] = im[start + i * stride];
            }

            Radix2(bre, bim, cos, sin);
            for (var i = 0; i < length; i++)
            {
                re[start + i * stride] = bre[i];
                im[start + i * stride] = bim[i];
            }

            return buffers;
        }, _ => { });
    }

    private static void Radix2(double[] re, double[] im, double[] cos, double[] sin)
    {
        var n = re.Length;
        for (int i = 1, j = 0; i < n; i++)
        {
            var bit = n >> 1;
            for (; (j & bit) != 0; bit >>= 1)
            {
                j ^= bit;
            }

            j ^= bit;
            if (i < j)
            {
                (re[i], re[j]) = (re[j], re[i]);
                (im[i], im[j]) = (im[j], im[i]);
            }
        }

        for (var half = 1; half < n; half <<= 1)
        {
            var step = n / (2 * half);
            for (var start = 0; start < n; start += 2 * half)
            {
                for (var k = 0; k < half; k++)
                {
                    double wr = cos[k * step], wi = sin[k * step];
                    int a = start + k, b = a + half;
                    var tr = re[b] * wr - im[b] * wi;
                    var ti = re[b] * wi + im[b] * wr;
                    re[b] = re[a] - tr;
                    im[b] = im[a] - ti;
                    re[a] += tr;
                    im[a] += ti;
                }
            }
        }
    }
}
