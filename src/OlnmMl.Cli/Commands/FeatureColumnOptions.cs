using System.CommandLine;
using OlnmMl.Cli.Terminal;
using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Cli.Commands;

/// <summary>The column options of <c>train</c> and <c>predict</c> for a user's feature table (e.g. PyRadiomics batch output).</summary>
internal sealed class FeatureColumnOptions
{
    public Option<string?> Id { get; } = new("--id") { Description = "Id column (train: default id; predict: default the model's)." };

    public Option<string> Cohort { get; } = new("--cohort") { Description = "Cohort column: never a feature, kept in predict's scores.", DefaultValueFactory = _ => "cohort" };

    public Option<string[]> Include { get; } = new("--include")
    {
        Description = "Feature columns to use: glob patterns, comma-separated or repeated (e.g. 'original_*'); default: every numeric column.",
        AllowMultipleArgumentsPerToken = true,
    };

    public Option<string[]> Exclude { get; } = new("--exclude")
    {
        Description = "Columns never to use as features: glob patterns (diagnostics_*, Image, Mask and Label are left out unless --include names them).",
        AllowMultipleArgumentsPerToken = true,
    };

    /// <summary>Adds the id and cohort options, and with <paramref name="selection"/> the include/exclude patterns.</summary>
    public void AddTo(Command command, bool selection)
    {
        command.Options.Add(Id);
        command.Options.Add(Cohort);
        if (selection)
        {
            command.Options.Add(Include);
            command.Options.Add(Exclude);
        }
    }

    /// <summary>The table options parsed; <paramref name="defaultId"/> when <c>--id</c> is not given (empty: the model's).</summary>
    public FeatureTableOptions Read(ParseResult parse, string? label, string defaultId) => new()
    {
        IdColumn = parse.GetValue(Id) ?? defaultId,
        LabelColumn = label,
        CohortColumn = parse.GetValue(Cohort)!,
        Include = Patterns(parse.GetValue(Include)),
        Exclude = Patterns(parse.GetValue(Exclude)),
    };

    /// <summary>Prints a library note as <c>note: …</c>.</summary>
    public static void Note(string text) => Output.Line("note: " + text);

    private static string[] Patterns(string[]? values) =>
        [.. (values ?? []).SelectMany(v => v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))];
}
