using System.Globalization;
using System.Text.Json;

namespace OlnmMl.Evaluation.Tests.Survival;

/// <summary>
/// A dataset and R's results for it, written by Data/survival/make_fixtures.R (R's null = NA is read as NaN).
/// Values are compared with AssertClose: |actual − R| ≤ 1e-6·max(1, |R|).
/// </summary>
internal sealed class RFixture
{
    public const double Tolerance = 1e-6;

    private RFixture(string name, Dictionary<string, string[]> columns, JsonElement results)
    {
        Name = name;
        Columns = columns;
        Results = results;
    }

    public static readonly string[] Names = ["lung", "ovarian", "ties", "half"];

    public string Name { get; }

    public Dictionary<string, string[]> Columns { get; }

    public JsonElement Results { get; }

    public static string Folder
    {
        get
        {
            var directory = new DirectoryInfo(AppContext.BaseDirectory);
            while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "OlnmMl.sln"))) directory = directory.Parent;
            if (directory is null) throw new DirectoryNotFoundException($"No folder holding OlnmMl.sln above {AppContext.BaseDirectory}.");
            return Path.Combine(directory.FullName, "tests", "OlnmMl.Evaluation.Tests", "Data", "survival");
        }
    }

    public static RFixture Load(string name)
    {
        string[] lines = File.ReadAllLines(Path.Combine(Folder, name + ".csv"));
        string[] header = lines[0].Split(',');
        var columns = header.ToDictionary(h => h, _ => new string[lines.Length - 1]);
        for (int r = 1; r < lines.Length; r++)
        {
            string[] fields = lines[r].Split(',');
            for (int c = 0; c < header.Length; c++) columns[header[c]][r - 1] = fields[c];
        }

        using var document = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, name + ".json")));
        return new RFixture(name, columns, document.RootElement.Clone());
    }

    public string DataPath => Path.Combine(Folder, Name + ".csv");

    public double[] Numbers(string column) => Columns[column].Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray();

    public double[] Time => Numbers("time");

    public bool[] Events => Numbers("event").Select(e => e == 1).ToArray();

    /// <summary>Group index per case, levels in ordinal order (R's factor levels for these data).</summary>
    public (int[] Groups, string[] Levels) Groups(string column)
    {
        string[] levels = Columns[column].Distinct().Order(StringComparer.Ordinal).ToArray();
        return (Columns[column].Select(v => Array.IndexOf(levels, v)).ToArray(), levels);
    }

    public IEnumerable<JsonElement> Section(string name) => Results.GetProperty(name).EnumerateArray();

    public static double Number(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.Null => double.NaN,
        JsonValueKind.String => element.GetString() switch
        {
            "Infinity" => double.PositiveInfinity,
            "-Infinity" => double.NegativeInfinity,
            var other => throw new FormatException($"Unexpected string '{other}' for a number."),
        },
        _ => element.GetDouble(),
    };

    public static double[] Numbers(JsonElement element) => element.EnumerateArray().Select(Number).ToArray();

    public static string? Text(JsonElement element) => element.ValueKind == JsonValueKind.Null ? null : element.GetString();

    /// <summary>
    /// Asserts |actual − expected| ≤ 1e-6·max(1, |expected|) (NaN matches only NaN, ±∞ only itself) and returns
    /// |actual − expected| (0 for matching non-finite values) for the reported maxima.
    /// </summary>
    public static double AssertClose(double expected, double actual, string what)
    {
        if (!double.IsFinite(expected) || !double.IsFinite(actual))
        {
            Assert.True(expected.Equals(actual), $"{what}: R {expected}, ours {actual}");
            return 0;
        }

        double difference = Math.Abs(actual - expected);
        Assert.True(difference <= Tolerance * Math.Max(1, Math.Abs(expected)), $"{what}: R {expected:R}, ours {actual:R}, |Δ| {difference:E2}");
        return difference;
    }

    public static double AssertClose(IReadOnlyList<double> expected, IReadOnlyList<double> actual, string what)
    {
        Assert.True(expected.Count == actual.Count, $"{what}: R has {expected.Count} values, ours {actual.Count}");
        double max = 0;
        for (int i = 0; i < expected.Count; i++) max = Math.Max(max, AssertClose(expected[i], actual[i], $"{what}[{i}]"));
        return max;
    }
}
