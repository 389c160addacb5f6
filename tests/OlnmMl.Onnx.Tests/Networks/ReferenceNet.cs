namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>
/// An independent, deliberately naive double-precision forward pass of the PyTorch layers the
/// exporter writes (written from the PyTorch definitions, sharing no code with OlnmMl.Onnx).
/// Tensors are [N, C, D, H, W] row-major.
/// </summary>
internal sealed class Volume(int n, int c, int d, int h, int w)
{
    public readonly double[] Data = new double[n * c * d * h * w];
    public readonly int N = n, C = c, D = d, H = h, W = w;

    public ref double At(int n, int c, int z, int y, int x) => ref Data[((((n * C) + c) * D + z) * H + y) * W + x];
}

internal static class ReferenceNet
{
    public static Volume FromFloats(float[] data, int n, int c, int s)
    {
        var v = new Volume(n, c, s, s, s);
        for (var i = 0; i < data.Length; i++)
        {
            v.Data[i] = data[i];
        }

        return v;
    }

    /// <summary>out[n,o,z,y,x] = Σ_{i,a,b,c} w[o,i,a,b,c]·in[n,i,z·s+a−p, y·s+b−p, x·s+c−p] (zero outside).</summary>
    public static Volume Conv(Volume input, Dictionary<string, (float[] Data, long[] Shape)> sd, string name, int stride)
    {
        var (w, shape) = sd[name + ".weight"];
        int outC = (int)shape[0], inC = (int)shape[1], k = (int)shape[2], pad = k / 2;
        int Out(int size) => ((size + (2 * pad) - k) / stride) + 1;
        var o = new Volume(input.N, outC, Out(input.D), Out(input.H), Out(input.W));
        for (var n = 0; n < o.N; n++)
        for (var oc = 0; oc < outC; oc++)
        for (var z = 0; z < o.D; z++)
        for (var y = 0; y < o.H; y++)
        for (var x = 0; x < o.W; x++)
        {
            double s = 0;
            for (var ic = 0; ic < inC; ic++)
            for (var a = 0; a < k; a++)
            for (var b = 0; b < k; b++)
            for (var c = 0; c < k; c++)
            {
                int zz = (z * stride) + a - pad, yy = (y * stride) + b - pad, xx = (x * stride) + c - pad;
                if (zz >= 0 && zz < input.D && yy >= 0 && yy < input.H && xx >= 0 && xx < input.W)
                {
                    s += w[((((oc * inC) + ic) * k + a) * k + b) * k + c] * input.At(n, ic, zz, yy, xx);
                }
            }

            o.At(n, oc, z, y, x) = s;
        }

        return o;
    }

    /// <summary>y = (x − μ)/√(σ² + 1e-5)·γ + β per channel.</summary>
    public static Volume BatchNorm(Volume x, Dictionary<string, (float[] Data, long[] Shape)> sd, string name)
    {
        var o = new Volume(x.N, x.C, x.D, x.H, x.W);
        var per = x.D * x.H * x.W;
        for (var i = 0; i < x.Data.Length; i++)
        {
            var c = (i / per) % x.C;
            o.Data[i] = ((x.Data[i] - sd[name + ".running_mean"].Data[c]) / Math.Sqrt(sd[name + ".running_var"].Data[c] + 1e-5)
                * sd[name + ".weight"].Data[c]) + sd[name + ".bias"].Data[c];
        }

        return o;
    }

    public static Volume Relu(Volume x)
    {
        var o = new Volume(x.N, x.C, x.D, x.H, x.W);
        for (var i = 0; i < x.Data.Length; i++)
        {
            o.Data[i] = Math.Max(0, x.Data[i]);
        }

        return o;
    }

    public static Volume Add(Volume a, Volume b)
    {
        var o = new Volume(a.N, a.C, a.D, a.H, a.W);
        for (var i = 0; i < a.Data.Length; i++)
        {
            o.Data[i] = a.Data[i] + b.Data[i];
        }

        return o;
    }

    /// <summary>3×3×3 max over the window, stride 2, padding 1 (padded cells never win).</summary>
    public static Volume MaxPool(Volume x)
    {
        int Out(int size) => ((size + 2 - 3) / 2) + 1;
        var o = new Volume(x.N, x.C, Out(x.D), Out(x.H), Out(x.W));
        for (var n = 0; n < o.N; n++)
        for (var c = 0; c < o.C; c++)
        for (var z = 0; z < o.D; z++)
        for (var y = 0; y < o.H; y++)
        for (var xx = 0; xx < o.W; xx++)
        {
            var m = double.NegativeInfinity;
            for (var a = -1; a <= 1; a++)
            for (var b = -1; b <= 1; b++)
            for (var e = -1; e <= 1; e++)
            {
                int zi = (z * 2) + a, yi = (y * 2) + b, xi = (xx * 2) + e;
                if (zi >= 0 && zi < x.D && yi >= 0 && yi < x.H && xi >= 0 && xi < x.W)
                {
                    m = Math.Max(m, x.At(n, c, zi, yi, xi));
                }
            }

            o.At(n, c, z, y, xx) = m;
        }

        return o;
    }

    /// <summary>Mean over D, H, W → [N][C].</summary>
    public static double[][] GlobalAveragePool(Volume x)
    {
        var per = x.D * x.H * x.W;
        var result = new double[x.N][];
        for (var n = 0; n < x.N; n++)
        {
            result[n] = new double[x.C];
            for (var c = 0; c < x.C; c++)
            {
                result[n][c] = x.Data.AsSpan(((n * x.C) + c) * per, per).ToArray().Average();
            }
        }

        return result;
    }

    /// <summary>y = W·x + b with W [out,in].</summary>
    public static double[] Linear(double[] x, Dictionary<string, (float[] Data, long[] Shape)> sd, string name)
    {
        var (w, shape) = sd[name + ".weight"];
        var y = new double[shape[0]];
        for (var o = 0; o < y.Length; o++)
        {
            double s = sd.TryGetValue(name + ".bias", out var b) ? b.Data[o] : 0;
            for (var i = 0; i < shape[1]; i++)
            {
                s += w[(o * shape[1]) + i] * x[i];
            }

            y[o] = s;
        }

        return y;
    }

    /// <summary>MONAI-layout ResNet encoder (basic or bottleneck blocks found by name), strides 2 / maxpool / 1,2,2,2.</summary>
    public static double[][] ResNetFeatures(Volume image, Dictionary<string, (float[] Data, long[] Shape)> sd, string p)
    {
        var x = MaxPool(Relu(BatchNorm(Conv(image, sd, p + "conv1", 2), sd, p + "bn1")));
        int[] strides = [1, 2, 2, 2];
        for (var layer = 1; layer <= 4; layer++)
        {
            for (var b = 0; sd.ContainsKey($"{p}layer{layer}.{b}.conv1.weight"); b++)
            {
                var q = $"{p}layer{layer}.{b}.";
                var stride = b == 0 ? strides[layer - 1] : 1;
                var bottleneck = sd.ContainsKey(q + "conv3.weight");
                var y = Relu(BatchNorm(Conv(x, sd, q + "conv1", bottleneck ? 1 : stride), sd, q + "bn1"));
                y = BatchNorm(Conv(y, sd, q + "conv2", bottleneck ? stride : 1), sd, q + "bn2");
                if (bottleneck)
                {
                    y = BatchNorm(Conv(Relu(y), sd, q + "conv3", 1), sd, q + "bn3");
                }

                var shortcut = sd.ContainsKey(q + "downsample.0.weight")
                    ? BatchNorm(Conv(x, sd, q + "downsample.0", stride), sd, q + "downsample.1")
                    : x;
                x = Relu(Add(y, shortcut));
            }
        }

        return GlobalAveragePool(x);
    }
}
