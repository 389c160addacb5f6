namespace OlnmMl.Onnx.Tests.Networks;

/// <summary>Random state dicts in the MONAI/MedicalNet ResNet layout, small enough for a naive reference pass.</summary>
internal static class TinyNetworks
{
    public static void Conv(Dictionary<string, (float[] Data, long[] Shape)> sd, Random r, string name, int outC, int inC, int k)
    {
        var fanIn = inC * k * k * k;
        sd[name + ".weight"] = (Random(r, outC * fanIn, Math.Sqrt(2.0 / fanIn)), [outC, inC, k, k, k]);
    }

    public static void BatchNorm(Dictionary<string, (float[] Data, long[] Shape)> sd, Random r, string name, int c)
    {
        sd[name + ".weight"] = (Enumerable.Range(0, c).Select(_ => (float)(0.5 + r.NextDouble())).ToArray(), [c]);
        sd[name + ".bias"] = (Random(r, c, 0.1), [c]);
        sd[name + ".running_mean"] = (Random(r, c, 0.1), [c]);
        sd[name + ".running_var"] = (Enumerable.Range(0, c).Select(_ => (float)(0.5 + r.NextDouble())).ToArray(), [c]);
    }

    public static void Linear(Dictionary<string, (float[] Data, long[] Shape)> sd, Random r, string name, int outF, int inF, double gain = 1)
    {
        sd[name + ".weight"] = (Random(r, outF * inF, gain * Math.Sqrt(1.0 / inF)), [outF, inF]);
        sd[name + ".bias"] = (Random(r, outF, 0.1), [outF]);
    }

    /// <summary>A ResNet with conv1 width <paramref name="stem"/>, layer widths <paramref name="planes"/> and blocks per layer; returns the feature width.</summary>
    public static int ResNet(
        Dictionary<string, (float[] Data, long[] Shape)> sd, Random r, string p, int inChannels, int stem, int[] planes, int[] blocks, bool bottleneck)
    {
        Conv(sd, r, p + "conv1", stem, inChannels, 7);
        BatchNorm(sd, r, p + "bn1", stem);
        var inPlanes = stem;
        var expansion = bottleneck ? 4 : 1;
        for (var layer = 0; layer < 4; layer++)
        {
            for (var b = 0; b < blocks[layer]; b++)
            {
                var q = $"{p}layer{layer + 1}.{b}.";
                var stride = layer > 0 && b == 0 ? 2 : 1;
                var width = planes[layer];
                if (bottleneck)
                {
                    Conv(sd, r, q + "conv1", width, inPlanes, 1);
                    BatchNorm(sd, r, q + "bn1", width);
                    Conv(sd, r, q + "conv2", width, width, 3);
                    BatchNorm(sd, r, q + "bn2", width);
                    Conv(sd, r, q + "conv3", width * 4, width, 1);
                    BatchNorm(sd, r, q + "bn3", width * 4);
                }
                else
                {
                    Conv(sd, r, q + "conv1", width, inPlanes, 3);
                    BatchNorm(sd, r, q + "bn1", width);
                    Conv(sd, r, q + "conv2", width, width, 3);
                    BatchNorm(sd, r, q + "bn2", width);
                }

                if (stride != 1 || inPlanes != width * expansion)
                {
                    Conv(sd, r, q + "downsample.0", width * expansion, inPlanes, 1);
                    BatchNorm(sd, r, q + "downsample.1", width * expansion);
                }

                inPlanes = width * expansion;
            }
        }

        return inPlanes;
    }

    public static float[] Random(Random r, int count, double scale) =>
        Enumerable.Range(0, count).Select(_ => (float)((r.NextDouble() * 2 - 1) * scale * Math.Sqrt(3))).ToArray();

    public static Dictionary<string, OlnmMl.Onnx.Networks.ParameterTensor> ToParameters(Dictionary<string, (float[] Data, long[] Shape)> sd) =>
        sd.ToDictionary(kv => kv.Key, kv => new OlnmMl.Onnx.Networks.ParameterTensor(kv.Value.Data, kv.Value.Shape));
}
