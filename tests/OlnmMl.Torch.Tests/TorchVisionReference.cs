using System.Text.Json;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// Fixtures/torchvision_2d_reference.json, written by torchvision itself (Fixtures/make_torchvision_2d_fixtures.py,
/// torchvision 0.14.1): per network its parameter counts, its <c>state_dict</c> entries (name, shape) in
/// torchvision's order and eval-mode features of <see cref="Input"/> under <see cref="Value"/>'s weights.
/// <see cref="Value"/> and <see cref="Input"/> repeat the script's formulas, so the weights need no file.
/// </summary>
internal sealed class TorchVisionReference
{
    private static readonly Lazy<JsonElement> Root = new(() =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "torchvision_2d_reference.json"))).RootElement);

    private readonly JsonElement network;

    private TorchVisionReference(JsonElement network) => this.network = network;

    /// <summary>The entry of torchvision's <paramref name="name"/> (resnet18, resnet50, densenet121, densenet_tiny).</summary>
    public static TorchVisionReference Of(string name) => new(Root.Value.GetProperty(name));

    /// <summary>Parameters with the 1000-class head.</summary>
    public long Parameters => network.GetProperty("parameters").GetInt64();

    /// <summary>Parameters without the head.</summary>
    public long HeadlessParameters => network.GetProperty("parameters_headless").GetInt64();

    /// <summary>Every <c>state_dict</c> entry, head included, in torchvision's order.</summary>
    public IReadOnlyList<(string Name, long[] Shape)> StateDict => network.GetProperty("state_dict").EnumerateArray()
        .Select(e => (e[0].GetString()!, e[1].EnumerateArray().Select(d => d.GetInt64()).ToArray())).ToArray();

    /// <summary>Shape of the input batch the features were computed on.</summary>
    public long[] InputShape => network.GetProperty("input_shape").EnumerateArray().Select(d => d.GetInt64()).ToArray();

    /// <summary>Every 8th feature of each row.</summary>
    public double[][] FeaturesEvery8th => Matrix("features_every_8th");

    /// <summary>Each feature row's L2 norm.</summary>
    public double[] FeatureNorms => network.GetProperty("feature_norms").EnumerateArray().Select(v => v.GetDouble()).ToArray();

    /// <summary>All features (densenet_tiny).</summary>
    public double[][] Features => Matrix("features");

    /// <summary>Logits of the 5-class head (densenet_tiny).</summary>
    public double[][] Logits => Matrix("logits");

    /// <summary>The script's <c>deterministic_value</c>: entry <paramref name="index"/> of the state dict, s_j = sin(0.5 + 0.731 j + 1.37 index).</summary>
    public static float[] Value(string name, long[] shape, int index)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        long fanIn = shape.Skip(1).Aggregate(1L, (a, b) => a * b);
        var values = new float[count];
        for (long j = 0; j < count; j++)
        {
            double s = Math.Sin(0.5 + (0.731 * j) + (1.37 * index));
            values[j] = (float)(name.EndsWith("running_var", StringComparison.Ordinal) ? 1 + (0.3 * s)
                : name.EndsWith("running_mean", StringComparison.Ordinal) || name.EndsWith("bias", StringComparison.Ordinal) ? 0.1 * s
                : shape.Length == 1 ? 1 + (0.2 * s)
                : s * Math.Sqrt(3.0 / fanIn));
        }
        return values;
    }

    /// <summary>The script's <c>deterministic_input</c>: x_i = sin(0.37 i).</summary>
    public static Tensor Input(long[] shape)
    {
        long count = shape.Aggregate(1L, (a, b) => a * b);
        var values = new float[count];
        for (long i = 0; i < count; i++)
        {
            values[i] = (float)Math.Sin(0.37 * i);
        }
        return tensor(values, shape);
    }

    private double[][] Matrix(string property) => network.GetProperty(property).EnumerateArray()
        .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
}
