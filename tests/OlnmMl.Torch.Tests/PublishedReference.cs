using System.Text.Json;
using OlnmMl.Torch.Networks;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// Fixtures/published/published_reference.json and its weight files, written by MedicalNet's <c>models/resnet.py</c> and
/// MONAI 1.3.0's <c>ResNet</c>/<c>SwinUNETR</c> themselves (Fixtures/published/make_published_fixtures.py, torch 1.13):
/// per catalog name the weight file (fixed-seed random weights at 1/32 of the width), the eval-mode features of
/// x_i = sin(0.37 i) (<see cref="TorchVisionReference.Input"/>), layer4's grid for a 96³ input, and the full-width
/// <c>state_dict</c> entries (name, shape) without heads and decoders.
/// </summary>
internal static class PublishedReference
{
    private static readonly Lazy<JsonElement> Root = new(() => JsonDocument.Parse(File.ReadAllText(FixturePath("published_reference.json"))).RootElement);

    /// <summary>The widths of the fixtures' ResNets: 64, 128, 256, 512 divided by 32 (MONAI's <c>widen_factor=1/32</c>).</summary>
    public static int[] NarrowWidths { get; } = [2, 4, 8, 16];

    /// <summary>Every ResNet catalog name that claims a published layout.</summary>
    public static TheoryData<string> ResNetNames => new(
        ["resnet10", "resnet18", "resnet34", "resnet50", "resnet10-monai", "resnet18-monai", "resnet34-monai", "resnet50-monai",
         "resnet10-medicalnet", "resnet18-medicalnet", "resnet34-medicalnet", "resnet50-medicalnet"]);

    /// <summary>The fixture's version of the catalog row <paramref name="name"/>: same layout, <see cref="NarrowWidths"/>.</summary>
    public static ResNetArchitecture NarrowRow(string name) =>
        ResNetArchitecture.Rows.Single(row => row.Name == name) with { Widths = NarrowWidths };

    /// <summary>Path of a file in Fixtures/published.</summary>
    public static string FixturePath(string file) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "published", file);

    /// <summary>The weight file of <paramref name="name"/>.</summary>
    public static string WeightFile(string name) => FixturePath(Network(name).GetProperty("file").GetString()!);

    /// <summary>The publisher's features of <paramref name="name"/>, one row per input.</summary>
    public static double[][] Features(string name) => Network(name).GetProperty("features").EnumerateArray()
        .Select(row => row.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();

    /// <summary>Shape of the input the features were computed on.</summary>
    public static long[] InputShape(string name) =>
        (Network(name).TryGetProperty("input_shape", out var own) ? own : Root.Value.GetProperty("input_shape")).EnumerateArray().Select(d => d.GetInt64()).ToArray();

    /// <summary>The spatial grid of layer4's output for a 96³ input in the publisher's code.</summary>
    public static long[] Layer4Grid96(string name) =>
        Root.Value.GetProperty("layer4_grid_96").GetProperty(name).EnumerateArray().Select(d => d.GetInt64()).ToArray();

    /// <summary>The publisher's full-width encoder entries as "name [shape]", ordered.</summary>
    public static IEnumerable<string> FullWidthEntries(string name) => Root.Value.GetProperty("full_width").GetProperty(name).EnumerateArray()
        .Select(e => $"{e[0].GetString()} [{string.Join(", ", e[1].EnumerateArray().Select(d => d.GetInt64()))}]").Order(StringComparer.Ordinal);

    /// <summary>The key groups of the SwinUNETR checkpoint beyond <c>swinViT</c> (its decoder).</summary>
    public static IEnumerable<string> SwinIgnoredGroups => Network("swin-12").GetProperty("ignored_groups").EnumerateArray().Select(g => g.GetString()!);

    private static JsonElement Network(string name) => Root.Value.GetProperty("networks").GetProperty(name);
}
