using System.Globalization;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// A feature table (e.g. PyRadiomics output): one row per case, an id column, an optional Boolean label column and
/// numeric feature columns. As an <see cref="IDataView"/> it has <c>Id</c> (text), <c>Label</c> (Boolean, when
/// labelled) and <c>Features</c> (a Single vector whose slot names are the feature column names).
/// </summary>
public sealed class FeatureTable
{
    private FeatureTable(string source, string[] ids, string[] featureNames, float[][] rows, bool[]? labels)
    {
        Source = source;
        Ids = ids;
        FeatureNames = featureNames;
        Rows = rows;
        Labels = labels;
    }

    /// <summary>Where the table came from (file path), for messages.</summary>
    public string Source { get; }

    /// <summary>Case ids, one per row.</summary>
    public IReadOnlyList<string> Ids { get; }

    /// <summary>Feature names, in column order.</summary>
    public IReadOnlyList<string> FeatureNames { get; }

    /// <summary>Feature values per row.</summary>
    public IReadOnlyList<float[]> Rows { get; }

    /// <summary>Labels, or null for an unlabelled table.</summary>
    public IReadOnlyList<bool>? Labels { get; }

    /// <summary>
    /// Reads a CSV with a header. <paramref name="idColumn"/> must exist; <paramref name="labelColumn"/> (when not
    /// null) must exist and hold 0/1 or true/false; with <paramref name="featureNames"/> exactly those columns are read
    /// as features (in that order), otherwise every other column. Feature cells must be finite numbers (invariant
    /// culture).
    /// </summary>
    /// <exception cref="FeatureTableException">On a missing file or column, a repeated id, a non-numeric, empty, NaN or ±∞ feature cell, or a bad label, naming file, line and column.</exception>
    public static FeatureTable Load(string path, string? labelColumn, string idColumn = "id", IReadOnlyList<string>? featureNames = null)
    {
        if (featureNames is not null && featureNames.Count == 0) throw new ArgumentException("An explicit feature list must not be empty.", nameof(featureNames));
        var table = CsvTable.Read(path, idColumn);
        var idIndex = table.IndexOf(idColumn, "id");
        var labelIndex = labelColumn is null ? -1 : table.IndexOf(labelColumn, "label");
        var featureIndex = featureNames is null
            ? Enumerable.Range(0, table.Header.Length).Where(i => i != idIndex && i != labelIndex).ToArray()
            : [.. featureNames.Select(n => table.IndexOf(n, "feature"))];
        if (featureIndex.Length == 0) throw new FeatureTableException($"Feature table '{path}' has no feature columns besides '{idColumn}'{(labelColumn is null ? "" : $" and '{labelColumn}'")}.");

        var labels = labelIndex < 0 ? null : table.Records.Select(r => ParseLabel(r.Fields[labelIndex], path, r.Line, labelColumn!)).ToArray();
        var rows = table.Records.Select(r => featureIndex.Select(i => ParseFeature(r.Fields[i], path, r.Line, table.Header[i])).ToArray()).ToArray();
        return new FeatureTable(path, table.Column(idIndex), [.. featureIndex.Select(i => table.Header[i])], rows, labels);
    }

    /// <summary>
    /// A table from rows already in memory (e.g. a study's radiomics joined with its manifest); the same
    /// checks as <see cref="Load"/>: equal lengths, unique ids, finite features.
    /// </summary>
    /// <param name="source">Where the rows came from, for messages and provenance.</param>
    /// <param name="ids">One id per row.</param>
    /// <param name="featureNames">Feature (slot) names.</param>
    /// <param name="rows">One feature vector per row, each of <paramref name="featureNames"/>' length.</param>
    /// <param name="labels">One label per row, or null for an unlabelled table.</param>
    /// <exception cref="FeatureTableException">On a length mismatch, a repeated id or a non-finite feature, naming the row and column.</exception>
    public static FeatureTable FromRows(
        string source, IReadOnlyList<string> ids, IReadOnlyList<string> featureNames, IReadOnlyList<float[]> rows, IReadOnlyList<bool>? labels)
    {
        if (featureNames.Count == 0) throw new FeatureTableException($"Feature table '{source}' has no feature columns.");
        if (rows.Count == 0) throw new FeatureTableException($"Feature table '{source}' has no rows.");
        if (ids.Count != rows.Count || (labels is not null && labels.Count != rows.Count))
            throw new FeatureTableException($"Feature table '{source}': {ids.Count} ids, {rows.Count} rows and {labels?.Count ?? rows.Count} labels; they must be equal.");
        if (ids.GroupBy(i => i, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } repeated)
            throw new FeatureTableException($"Feature table '{source}' repeats the id '{repeated.Key}'.");
        for (int r = 0; r < rows.Count; r++)
        {
            if (rows[r].Length != featureNames.Count)
                throw new FeatureTableException($"Feature table '{source}': row '{ids[r]}' has {rows[r].Length} features; expected {featureNames.Count}.");
            for (int c = 0; c < featureNames.Count; c++)
            {
                if (!float.IsFinite(rows[r][c]))
                    throw new FeatureTableException($"Feature table '{source}': row '{ids[r]}', feature '{featureNames[c]}' is {rows[r][c]}; features must be finite.");
            }
        }

        return new FeatureTable(source, [.. ids], [.. featureNames], [.. rows], labels is null ? null : [.. labels]);
    }

    /// <summary>The rows at <paramref name="rows"/>, in that order.</summary>
    public FeatureTable Reordered(IReadOnlyList<int> rows) => new(Source, [.. rows.Select(i => Ids[i])], [.. FeatureNames],
        [.. rows.Select(i => Rows[i])], Labels is { } l ? [.. rows.Select(i => l[i])] : null);

    /// <summary>The table as an IDataView (Id, [Label], Features with slot names).</summary>
    public IDataView ToDataView(MLContext ml)
    {
        var d = FeatureNames.Count;
        var vectorType = new VectorDataViewType(NumberDataViewType.Single, d);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(d, FeatureNames.Select(n => n.AsMemory()).ToArray());
        var slotType = new VectorDataViewType(TextDataViewType.Instance, d);
        if (Labels is { } labels)
        {
            var schema = SchemaDefinition.Create(typeof(LabelledRow));
            schema[nameof(LabelledRow.Features)].ColumnType = vectorType;
            schema[nameof(LabelledRow.Features)].AddAnnotation(AnnotationNames.SlotNames, slotNames, slotType);
            return ml.Data.LoadFromEnumerable(Rows.Select((r, i) => new LabelledRow { Id = Ids[i], Label = labels[i], Features = r }).ToList(), schema);
        }
        var unlabelled = SchemaDefinition.Create(typeof(UnlabelledRow));
        unlabelled[nameof(UnlabelledRow.Features)].ColumnType = vectorType;
        unlabelled[nameof(UnlabelledRow.Features)].AddAnnotation(AnnotationNames.SlotNames, slotNames, slotType);
        return ml.Data.LoadFromEnumerable(Rows.Select((r, i) => new UnlabelledRow { Id = Ids[i], Features = r }).ToList(), unlabelled);
    }

    /// <summary>A label cell: 1/0, true/false (any case) or 1.0/0.0.</summary>
    /// <exception cref="FeatureTableException">On anything else, naming file, line and column.</exception>
    internal static bool ParseLabel(string? text, string path, int line, string column)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case "1" or "true" or "1.0": return true;
            case "0" or "false" or "0.0": return false;
            default: throw new FeatureTableException($"{path}: line {line}, label column '{column}': '{text}' is not 0/1 or true/false.");
        }
    }

    /// <summary>A feature cell: a finite number (invariant culture).</summary>
    /// <exception cref="FeatureTableException">On an empty, non-numeric or non-finite cell, naming file, line and column.</exception>
    internal static float ParseFeature(string? text, string path, int line, string column)
    {
        if (string.IsNullOrWhiteSpace(text))
            throw new FeatureTableException($"{path}: line {line}, feature column '{column}' is empty; impute missing values before training.");
        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var v))
            throw new FeatureTableException($"{path}: line {line}, feature column '{column}': '{text}' is not a number (exclude non-numeric columns or make them the id).");
        if (!float.IsFinite(v))
            throw new FeatureTableException($"{path}: line {line}, feature column '{column}' is {text}; features must be finite (impute or drop the column).");
        return v;
    }

    private sealed class LabelledRow
    {
        public string Id { get; set; } = "";

        public bool Label { get; set; }

        public float[] Features { get; set; } = [];
    }

    private sealed class UnlabelledRow
    {
        public string Id { get; set; } = "";

        public float[] Features { get; set; } = [];
    }
}
