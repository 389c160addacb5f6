using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// Bags held in memory, each a flat array of n·C·H·W values (instance-major, then C, H, W) with a label: the
/// <see cref="IBagSamples"/> of ML.NET rows (<see cref="Read"/>) and of one row being scored. Groups are unused.
/// </summary>
internal sealed class ArrayBags : IBagSamples
{
    private readonly float[][] _bags;
    private readonly bool[] _labels;

    /// <summary>Bags of instances of <paramref name="shape"/> = [C, H, W]; every array holds a positive multiple of C·H·W values.</summary>
    /// <exception cref="ArgumentException">A bag is empty or not a whole number of instances.</exception>
    public ArrayBags(float[][] bags, bool[] labels, IReadOnlyList<int> shape)
    {
        _bags = bags;
        _labels = labels;
        Channels = shape[0];
        Height = shape[1];
        Width = shape[2];
        int length = Channels * Height * Width;
        for (int b = 0; b < bags.Length; b++)
        {
            if (bags[b].Length == 0 || bags[b].Length % length != 0)
            {
                throw new ArgumentException(
                    $"Bag {b} has {bags[b].Length} values, which is not a positive number of instances of [{Channels}, {Height}, {Width}] ({length} values each).");
            }
        }
        MaxInstances = bags.Length == 0 ? 1 : bags.Max(b => b.Length / length);
    }

    public int Count => _bags.Length;

    public int Channels { get; }

    public int Height { get; }

    public int Width { get; }

    public int MaxInstances { get; }

    public int InstanceCount(int index) => _bags[index].Length / (Channels * Height * Width);

    public bool Label(int index) => _labels[index];

    public string Group(int index) => string.Empty;

    public void CopyInstances(int index, Span<float> destination) => _bags[index].CopyTo(destination);

    /// <summary>
    /// The bags of <paramref name="data"/>: column <paramref name="instancesColumn"/> (a float vector of n·C·H·W values,
    /// variable length) and Boolean <paramref name="labelColumn"/>.
    /// </summary>
    /// <exception cref="ArgumentException">A column is missing, or a value is not finite.</exception>
    public static ArrayBags Read(IDataView data, string instancesColumn, string labelColumn, IReadOnlyList<int> shape)
    {
        var instances = data.Schema.GetColumnOrNull(instancesColumn) ?? throw new ArgumentException($"The data has no column '{instancesColumn}'.");
        var label = data.Schema.GetColumnOrNull(labelColumn) ?? throw new ArgumentException($"The data has no column '{labelColumn}'.");
        var bags = new List<float[]>();
        var labels = new List<bool>();
        using var cursor = data.GetRowCursor([instances, label]);
        var instancesGetter = cursor.GetGetter<VBuffer<float>>(instances);
        var labelGetter = cursor.GetGetter<bool>(label);
        VBuffer<float> buffer = default;
        bool value = false;
        while (cursor.MoveNext())
        {
            instancesGetter(ref buffer);
            labelGetter(ref value);
            var bag = new float[buffer.Length];
            buffer.CopyTo(bag);
            if (!bag.All(float.IsFinite))
            {
                throw new ArgumentException($"Column '{instancesColumn}' has a non-finite value (NaN or ∞) in row {bags.Count}.");
            }
            bags.Add(bag);
            labels.Add(value);
        }
        return new ArrayBags([.. bags], [.. labels], shape);
    }
}
