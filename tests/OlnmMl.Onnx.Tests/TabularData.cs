using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Onnx.Tests;

/// <summary>A synthetic radiomics-like table: k features on very different scales, label from a noisy logistic truth.</summary>
public static class TabularData
{
    public const int FeatureCount = 6;

    public sealed class Row
    {
        [VectorType(FeatureCount)]
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }

    public sealed class Prediction
    {
        public float Probability { get; set; }

        public float Score { get; set; }
    }

    public static string[] FeatureNames { get; } = Enumerable.Range(0, FeatureCount).Select(i => $"original_feature_{i}").ToArray();

    public static List<Row> Make(int n, int seed)
    {
        var random = new Random(seed);
        var rows = new List<Row>(n);
        for (var i = 0; i < n; i++)
        {
            var x = new float[FeatureCount];
            for (var j = 0; j < FeatureCount; j++)
            {
                // Scales 1, 10, 100, … and offsets so normalisation matters.
                x[j] = (float)((random.NextDouble() * 2 - 1) * Math.Pow(10, j % 3) + 5 * j);
            }

            // Label drawn from a logistic truth, so classes overlap and probabilities stay calibrated, not saturated.
            var logit = 0.8 * x[0] - 0.1 * (x[1] - 5) + 0.01 * (x[2] - 10);
            rows.Add(new Row { Features = x, Label = random.NextDouble() < 1 / (1 + Math.Exp(-logit)) });
        }

        return rows;
    }

    public static IDataView WithSlotNames(MLContext ml, IEnumerable<Row> rows)
    {
        var schema = SchemaDefinition.Create(typeof(Row));
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(FeatureCount, FeatureNames.Select(n => n.AsMemory()).ToArray());
        schema[nameof(Row.Features)].AddAnnotation(
            "SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, FeatureCount));
        return ml.Data.LoadFromEnumerable(rows, schema);
    }

    /// <summary>Random inputs inside and somewhat outside the training range.</summary>
    public static float[] RandomBatch(int batch, int seed)
    {
        var random = new Random(seed);
        var data = new float[batch * FeatureCount];
        for (var i = 0; i < data.Length; i++)
        {
            var j = i % FeatureCount;
            data[i] = (float)((random.NextDouble() * 3 - 1.5) * Math.Pow(10, j % 3) + 5 * j);
        }

        return data;
    }

    public static List<Row> Rows(float[] batch) =>
        Enumerable.Range(0, batch.Length / FeatureCount)
            .Select(i => new Row { Features = batch.AsSpan(i * FeatureCount, FeatureCount).ToArray() })
            .ToList();
}
