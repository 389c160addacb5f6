using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Learners.Data;

/// <summary>
/// A feature column read into memory: row-major values (n × d), optional Boolean labels and the slot names
/// (the column's "SlotNames" annotation, or f0…f(d−1) when it has none).
/// </summary>
/// <param name="Values">Row-major values.</param>
/// <param name="Rows">n.</param>
/// <param name="Features">d.</param>
/// <param name="Labels">Labels, or null when no label column was read.</param>
/// <param name="SlotNames">Names of the d slots.</param>
public sealed record DenseFeatureMatrix(double[] Values, int Rows, int Features, bool[]? Labels, string[] SlotNames)
{
    /// <summary>Row <paramref name="i"/>.</summary>
    public ReadOnlySpan<double> Row(int i) => Values.AsSpan(i * Features, Features);

    /// <summary>Copies column <paramref name="j"/> into <paramref name="destination"/> (length n).</summary>
    public void CopyColumn(int j, Span<double> destination)
    {
        for (int i = 0; i < Rows; i++) destination[i] = Values[i * Features + j];
    }

    /// <summary>Labels, or an exception naming the missing label column.</summary>
    public bool[] RequireLabels() => Labels ?? throw new InvalidOperationException("This operation needs a label column.");

    /// <summary>
    /// Reads <paramref name="featureColumn"/> (a known-size vector of Single) and, when given, the Boolean
    /// <paramref name="labelColumn"/> of <paramref name="data"/>; NaN and ±∞ are kept only when <paramref name="requireFinite"/> is false.
    /// </summary>
    /// <exception cref="ArgumentException">When a column is missing or mistyped, a value is NaN or ±∞ (with <paramref name="requireFinite"/>), or there are no rows.</exception>
    public static DenseFeatureMatrix Read(IDataView data, string featureColumn, string? labelColumn, bool requireFinite = true)
    {
        var feature = FeatureColumn(data.Schema, featureColumn);
        var d = ((VectorDataViewType)feature.Type).Size;
        DataViewSchema.Column? label = null;
        if (labelColumn is not null)
        {
            label = data.Schema.GetColumnOrNull(labelColumn)
                ?? throw new ArgumentException($"Label column '{labelColumn}' is not in the data (columns: {ColumnList(data.Schema)}).", nameof(labelColumn));
            if (label.Value.Type != BooleanDataViewType.Instance)
                throw new ArgumentException($"Label column '{labelColumn}' has type {label.Value.Type}; a Boolean label is required.", nameof(labelColumn));
        }

        var names = SlotNamesOf(feature, d);
        var values = new List<double>();
        var labels = new List<bool>();
        var columns = label is null ? new[] { feature } : new[] { feature, label.Value };
        using var cursor = data.GetRowCursor(columns);
        var getFeatures = cursor.GetGetter<VBuffer<float>>(feature);
        var getLabel = label is null ? null : cursor.GetGetter<bool>(label.Value);
        var buffer = default(VBuffer<float>);
        var dense = new float[d];
        var row = 0;
        while (cursor.MoveNext())
        {
            getFeatures(ref buffer);
            buffer.CopyTo(dense);
            for (int j = 0; j < d; j++)
            {
                if (requireFinite && !float.IsFinite(dense[j]))
                    throw new ArgumentException($"Column '{featureColumn}', slot '{names[j]}', row {row} is {dense[j]}; features must be finite (impute or drop it first).", nameof(data));
                values.Add(dense[j]);
            }
            if (getLabel is not null)
            {
                bool l = false;
                getLabel(ref l);
                labels.Add(l);
            }
            row++;
        }
        if (row == 0) throw new ArgumentException($"The data has no rows (column '{featureColumn}').", nameof(data));
        return new DenseFeatureMatrix([.. values], row, d, label is null ? null : [.. labels], names);
    }

    /// <summary>The column <paramref name="name"/>, checked to be a known-size vector of Single.</summary>
    /// <exception cref="ArgumentException">When missing or of another type.</exception>
    public static DataViewSchema.Column FeatureColumn(DataViewSchema schema, string name)
    {
        var column = schema.GetColumnOrNull(name)
            ?? throw new ArgumentException($"Feature column '{name}' is not in the data (columns: {ColumnList(schema)}).", nameof(name));
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType n, IsKnownSize: true } || n != NumberDataViewType.Single)
            throw new ArgumentException($"Feature column '{name}' has type {column.Type}; a known-size vector of Single is required.", nameof(name));
        return column;
    }

    /// <summary>The slot names of a vector column, or f0…f(d−1).</summary>
    public static string[] SlotNamesOf(DataViewSchema.Column column, int size)
    {
        var names = new string[size];
        if (column.Annotations.Schema.GetColumnOrNull(AnnotationNames.SlotNames) is not null)
        {
            var buffer = default(VBuffer<ReadOnlyMemory<char>>);
            column.Annotations.GetValue(AnnotationNames.SlotNames, ref buffer);
            var dense = buffer.DenseValues().ToArray();
            for (int j = 0; j < size; j++)
                names[j] = j < dense.Length && !dense[j].IsEmpty ? dense[j].ToString() : $"f{j}";
            return names;
        }
        for (int j = 0; j < size; j++) names[j] = $"f{j}";
        return names;
    }

    private static string ColumnList(DataViewSchema schema) =>
        string.Join(", ", schema.Where(c => !c.IsHidden).Select(c => c.Name));
}
