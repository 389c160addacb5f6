using System.Globalization;
using OlnmMl.Learners.Selection;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// A feature table read the way a user's table comes (e.g. PyRadiomics batch output: quoted paths, <c>diagnostics_*</c>
/// columns, text columns, NaNs): the <see cref="FeatureTable"/> of its feature columns with every non-finite cell
/// replaced by the training median of its column, the columns carried to the scores, and the notes to print.
/// </summary>
/// <param name="Table">Id, label (when read for training) and the finite feature rows.</param>
/// <param name="Medians">Training median of each feature (finite training cells only), in feature order.</param>
/// <param name="Carried">The id, label and cohort columns present in the file, as text, for the scores.</param>
/// <param name="Notes">One line for the columns left out, one for the cells imputed; each naming the file.</param>
public sealed record FeatureTableImport(FeatureTable Table, IReadOnlyList<float> Medians, IReadOnlyList<CarriedColumn> Carried, IReadOnlyList<string> Notes)
{
    /// <summary>
    /// Reads a labelled training table: features chosen by <paramref name="options"/>, medians fitted on it.
    /// </summary>
    /// <exception cref="FeatureTableException">On a missing column, a bad label, or no feature column left, naming file, line and column.</exception>
    public static FeatureTableImport ForTraining(string path, FeatureTableOptions options)
    {
        var labelColumn = options.LabelColumn ?? throw new ArgumentException("A training table needs a label column.", nameof(options));
        var table = CsvTable.Read(path, options.IdColumn);
        options = WithId(options, table);
        var labelIndex = table.IndexOf(labelColumn, "label");
        var leftOut = new List<(string Reason, string Column)>();
        var features = new List<int>();
        for (var i = 0; i < table.Header.Length; i++)
        {
            var reason = options.ReasonLeftOut(table.Header[i]) ?? NumericProblem(table.Column(i));
            if (reason is null) features.Add(i);
            else leftOut.Add((reason, table.Header[i]));
        }

        if (features.Count == 0)
            throw new FeatureTableException($"Feature table '{path}' has no numeric feature column left ({Describe(leftOut)}).");
        var cells = Cells(table, features, []);
        var medians = features.Select((_, k) => ColumnStatistics.Median(cells.Select(r => r[k]).Where(float.IsFinite))).ToArray();
        var labels = table.Records.Select(r => FeatureTable.ParseLabel(r.Fields[labelIndex], path, r.Line, labelColumn)).ToArray();
        var notes = new List<string> { $"{path}: {leftOut.Count} of {table.Header.Length} columns are not features: {Describe(leftOut)}" };
        return Build(table, options, features, cells, medians, labels, notes);
    }

    /// <summary>
    /// Reads a table to score with a model trained on <paramref name="features"/>: non-finite cells take the model's
    /// training <paramref name="medians"/> (an older model without them refuses them), other columns are ignored.
    /// </summary>
    /// <exception cref="FeatureTableException">On missing feature columns (all named), a non-numeric feature cell, or a non-finite one without medians.</exception>
    public static FeatureTableImport ForScoring(string path, FeatureTableOptions options, IReadOnlyList<string> features, IReadOnlyList<float>? medians)
    {
        var table = CsvTable.Read(path, options.IdColumn);
        var missing = features.Where(f => !table.Header.Contains(f)).ToList();
        if (missing.Count > 0)
            throw new FeatureTableException($"Feature table '{path}' lacks {missing.Count} of the model's {features.Count} features: {string.Join(", ", missing.Take(10).Select(m => $"'{m}'"))}{(missing.Count > 10 ? ", …" : "")}.");
        var indices = features.Select(n => Array.IndexOf(table.Header, n)).ToList();
        var cells = Cells(table, indices, medians is null ? indices : []);
        return Build(table, WithId(options, table), indices, cells, medians ?? [], null, []);
    }

    private static FeatureTableImport Build(
        CsvTable table, FeatureTableOptions options, List<int> features, float[][] cells, IReadOnlyList<float> medians, bool[]? labels, List<string> notes)
    {
        var imputed = new List<string>();
        for (var k = 0; k < features.Count; k++)
        {
            var lines = cells.Select((r, i) => (Value: r[k], table.Records[i].Line)).Where(c => !float.IsFinite(c.Value)).Select(c => c.Line).ToList();
            foreach (var row in cells.Where(r => !float.IsFinite(r[k])))
            {
                row[k] = medians[k];
            }

            if (lines.Count > 0) imputed.Add($"{table.Header[features[k]]} (line {string.Join(", ", lines.Take(5))}{(lines.Count > 5 ? $", … {lines.Count} cells" : "")} → {medians[k].ToString("R", CultureInfo.InvariantCulture)})");
        }

        if (imputed.Count > 0) notes.Add($"{table.Path}: non-finite values replaced by the training median: {string.Join("; ", imputed)}");
        var carried = new[] { options.IdColumn, options.LabelColumn, options.CohortColumn }.OfType<string>().Distinct()
            .Where(n => table.Header.Contains(n)).Select(n => new CarriedColumn(n, table.Column(Array.IndexOf(table.Header, n)))).ToArray();
        var featureTable = FeatureTable.FromRows(table.Path, carried[0].Values, [.. features.Select(i => table.Header[i])], cells, labels);
        return new FeatureTableImport(featureTable, [.. medians], carried, notes);
    }

    /// <summary>The options with an empty id column resolved to the table's first column.</summary>
    private static FeatureTableOptions WithId(FeatureTableOptions options, CsvTable table) =>
        options.IdColumn.Length > 0 ? options : options with { IdColumn = table.Header[0] };

    /// <summary>The cells of <paramref name="columns"/> as numbers, NaN for a missing one; <paramref name="strict"/> columns refuse missing cells.</summary>
    private static float[][] Cells(CsvTable table, IReadOnlyList<int> columns, IReadOnlyList<int> strict) =>
        [.. table.Records.Select(r => columns.Select(i => TryNumber(r.Fields[i], out var v) && (float.IsFinite(v) || !strict.Contains(i))
            ? v
            : FeatureTable.ParseFeature(r.Fields[i], table.Path, r.Line, table.Header[i])).ToArray())];

    /// <summary>Why a column of these cells cannot be a feature, or null when it can.</summary>
    private static string? NumericProblem(string[] cells)
    {
        var values = new List<float>();
        foreach (var cell in cells)
        {
            if (!TryNumber(cell, out var v)) return "not numeric";
            values.Add(v);
        }

        return values.Any(float.IsFinite) ? null : "no finite value";
    }

    /// <summary>A number (invariant culture), or NaN for an empty, NaN or infinite cell in any spelling; false for text.</summary>
    private static bool TryNumber(string cell, out float value)
    {
        var text = cell.Trim();
        if (text.Length == 0 || text.Equals("nan", StringComparison.OrdinalIgnoreCase) || text.TrimStart('+', '-').Equals("inf", StringComparison.OrdinalIgnoreCase))
        {
            value = float.NaN;
            return true;
        }

        if (!float.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out value)) return false;
        if (!float.IsFinite(value)) value = float.NaN;
        return true;
    }

    private static string Describe(IEnumerable<(string Reason, string Column)> leftOut) =>
        string.Join("; ", leftOut.GroupBy(c => c.Reason).Select(g => $"{g.Key}: {string.Join(", ", g.Select(c => c.Column))}"));
}

/// <summary>A column of the input carried unchanged to the scores (id, label, cohort).</summary>
/// <param name="Name">Column name.</param>
/// <param name="Values">Cell text, one per row.</param>
public sealed record CarriedColumn(string Name, IReadOnlyList<string> Values);
