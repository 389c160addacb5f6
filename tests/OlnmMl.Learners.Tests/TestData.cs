using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Learners.Tests;

/// <summary>Builds small IDataViews with a named-slot "Features" vector and a Boolean "Label".</summary>
internal static class TestData
{
    public sealed class Row
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    public static IDataView Create(MLContext ml, float[][] x, bool[] y, string[]? names = null)
    {
        var d = x[0].Length;
        names ??= Enumerable.Range(0, d).Select(j => $"x{j}").ToArray();
        var schema = SchemaDefinition.Create(typeof(Row));
        schema[nameof(Row.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, d);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(d, names.Select(n => n.AsMemory()).ToArray());
        schema[nameof(Row.Features)].AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, d));
        var rows = x.Select((r, i) => new Row { Features = r, Label = y[i] }).ToList();
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>Two Gaussian classes in d dimensions; the first <paramref name="informative"/> features shift by ±shift.</summary>
    public static (float[][] X, bool[] Y) Gaussian(int n, int d, int informative, double shift, int seed)
    {
        var rng = new Random(seed);
        var x = new float[n][];
        var y = new bool[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = i % 2 == 0;
            x[i] = new float[d];
            for (int j = 0; j < d; j++)
            {
                var z = Normal(rng);
                if (j < informative) z += y[i] ? shift : -shift;
                x[i][j] = (float)z;
            }
        }
        return (x, y);
    }

    public static double Normal(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    public static double[] Flatten(float[][] x) => x.SelectMany(r => r.Select(v => (double)v)).ToArray();
}
