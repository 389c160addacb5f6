using System.Globalization;

namespace OlnmMl.Evaluation.Reports;

/// <summary>
/// A table of scored cases read from CSV: a label column, one or more score columns and an
/// optional cohort column. Labels are 1/0 or true/false (case-insensitive; also 1.0/0.0); a score
/// that is empty, "NA" or "NaN" is missing (NaN, dropped by the statistics); anything else that is
/// not an invariant-culture number is an error naming the file, line and column.
/// </summary>
/// <param name="Source">Where the table came from (file path or a name).</param>
/// <param name="LabelColumn">Name of the label column.</param>
/// <param name="Labels">Label per row: true = positive.</param>
/// <param name="Scores">Score columns by name, each one value per row.</param>
/// <param name="CohortColumn">Name of the cohort column, or null.</param>
/// <param name="Cohorts">Cohort of each row (null when there is no cohort column).</param>
public sealed record ScoreTable(
    string Source,
    string LabelColumn,
    bool[] Labels,
    IReadOnlyDictionary<string, double[]> Scores,
    string? CohortColumn,
    string[]? Cohorts)
{
    /// <summary>The CSV line (1 = header) of each row, for messages about a row; empty when the table was not read from text.</summary>
    public int[] LineNumbers { get; init; } = [];

    /// <summary>Reads a CSV file with a header row.</summary>
    /// <param name="path">CSV path.</param>
    /// <param name="labelColumn">Label column name.</param>
    /// <param name="scoreColumns">Score column names (at least one).</param>
    /// <param name="cohortColumn">Cohort column name, or null.</param>
    /// <exception cref="FileNotFoundException">The file does not exist.</exception>
    /// <exception cref="FormatException">A missing column, a bad label or score, or a row of the wrong width (message names file, line, column).</exception>
    public static ScoreTable ReadCsv(string path, string labelColumn, IReadOnlyList<string> scoreColumns, string? cohortColumn = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(path);
        if (!File.Exists(path)) throw new FileNotFoundException($"Score table '{path}' does not exist.", path);
        using var reader = new StreamReader(path);
        return Parse(reader, path, labelColumn, scoreColumns, cohortColumn);
    }

    /// <summary>Parses CSV text with a header row (see <see cref="ReadCsv"/>).</summary>
    /// <param name="reader">The CSV text.</param>
    /// <param name="source">Name used in error messages.</param>
    /// <param name="labelColumn">Label column name.</param>
    /// <param name="scoreColumns">Score column names (at least one).</param>
    /// <param name="cohortColumn">Cohort column name, or null.</param>
    public static ScoreTable Parse(TextReader reader, string source, string labelColumn, IReadOnlyList<string> scoreColumns, string? cohortColumn = null)
    {
        ArgumentNullException.ThrowIfNull(reader);
        ArgumentException.ThrowIfNullOrWhiteSpace(labelColumn);
        ArgumentNullException.ThrowIfNull(scoreColumns);
        if (scoreColumns.Count == 0) throw new ArgumentException("At least one score column is required.", nameof(scoreColumns));

        string? headerLine = reader.ReadLine();
        if (headerLine is null) throw new FormatException($"{source}: the file is empty; expected a header row naming the columns.");
        List<string> header = CsvFields.Split(headerLine, source, 1);
        for (int i = 0; i < header.Count; i++)
        {
            if (header.IndexOf(header[i]) != i) throw new FormatException($"{source}: column '{header[i]}' appears twice in the header.");
        }

        int labelIndex = Column(header, labelColumn, source);
        int[] scoreIndex = scoreColumns.Select(c => Column(header, c, source)).ToArray();
        int cohortIndex = cohortColumn is null ? -1 : Column(header, cohortColumn, source);

        var labels = new List<bool>();
        var scores = scoreColumns.Select(_ => new List<double>()).ToArray();
        var cohorts = new List<string>();
        var lineNumbers = new List<int>();
        int lineNumber = 1;
        for (string? line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNumber++;
            if (line.Trim().Length == 0) continue;
            List<string> fields = CsvFields.Split(line, source, lineNumber);
            if (fields.Count != header.Count)
            {
                throw new FormatException($"{source}, line {lineNumber}: {fields.Count} fields, but the header has {header.Count}.");
            }

            lineNumbers.Add(lineNumber);
            labels.Add(ParseLabel(fields[labelIndex], source, lineNumber, labelColumn));
            for (int s = 0; s < scoreIndex.Length; s++) scores[s].Add(ParseScore(fields[scoreIndex[s]], source, lineNumber, scoreColumns[s]));
            if (cohortIndex >= 0)
            {
                string cohort = fields[cohortIndex];
                if (cohort.Length == 0) throw new FormatException($"{source}, line {lineNumber}, column '{cohortColumn}': the cohort is empty.");
                cohorts.Add(cohort);
            }
        }

        var scoreMap = new Dictionary<string, double[]>(StringComparer.Ordinal);
        for (int s = 0; s < scoreColumns.Count; s++) scoreMap[scoreColumns[s]] = [.. scores[s]];
        return new ScoreTable(source, labelColumn, [.. labels], scoreMap, cohortColumn, cohortIndex >= 0 ? [.. cohorts] : null)
        {
            LineNumbers = [.. lineNumbers],
        };
    }

    private static int Column(List<string> header, string name, string source)
    {
        int index = header.IndexOf(name);
        if (index < 0) throw new FormatException($"{source}: no column '{name}'; the header has: {string.Join(", ", header)}.");
        return index;
    }

    private static bool ParseLabel(string text, string source, int line, string column)
    {
        if (text.Equals("true", StringComparison.OrdinalIgnoreCase)) return true;
        if (text.Equals("false", StringComparison.OrdinalIgnoreCase)) return false;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) && (value == 0 || value == 1)) return value == 1;
        throw new FormatException($"{source}, line {line}, column '{column}': label '{text}' is not 1/0 or true/false.");
    }

    private static double ParseScore(string text, string source, int line, string column)
    {
        if (text.Length == 0 || text.Equals("NA", StringComparison.OrdinalIgnoreCase) || text.Equals("NaN", StringComparison.OrdinalIgnoreCase)) return double.NaN;
        if (double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) return value;
        throw new FormatException($"{source}, line {line}, column '{column}': '{text}' is not a number (empty, NA or NaN mark a missing value).");
    }
}
