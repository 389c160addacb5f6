using System.Globalization;
using OlnmMl.Reporting.Tables;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The leaderboard of every trial, compact enough to read: rank, trial, kind and the folded parameters, aAUC ± SD and the
/// cut-off, then per cohort the AUC with its CI, sensitivity / specificity and the BH-adjusted paired DeLong p against the
/// rank-1 model (<see cref="OlnmMl.AutoML.Leaderboard.ReferenceComparison"/>), every number to 3
/// decimals. The columns are found by the names leaderboard.csv uses (<c>aauc</c>, <c>{cohort}_auc</c>, …); the raw CSV keeps the rest.
/// </summary>
internal static class TrialTable
{
    /// <summary>The compact table of <paramref name="raw"/>, the leaderboard CSV read as a table.</summary>
    public static Table Compact(Table raw)
    {
        var column = raw.Headers.Select((h, i) => (h, i)).ToDictionary(p => p.h, p => p.i, StringComparer.Ordinal);
        var cohorts = raw.Headers.Where(h => h.EndsWith("_auc", StringComparison.Ordinal) && h != "aauc").Select(h => h[..^"_auc".Length]).ToArray();
        string Cell(IReadOnlyList<string> row, string name) => column.TryGetValue(name, out var i) && i < row.Count ? row[i] : string.Empty;
        var headers = new List<string> { "rank", "trial", "kind", "parameters", "aAUC ± SD", "cut-off" };
        foreach (var cohort in cohorts)
        {
            headers.AddRange([$"{cohort} AUC (95% CI)", $"{cohort} sens / spec", $"{cohort} p (BH)"]);
        }

        var rows = raw.Rows.Select(row =>
        {
            var cells = new List<string>
            {
                Cell(row, "rank"), Cell(row, "trial"), Cell(row, "kind"), Cell(row, "parameters"),
                $"{Round(Cell(row, "aauc"))} ± {Round(Cell(row, "aauc_sd"))}", Round(Cell(row, "cutoff")),
            };
            foreach (var cohort in cohorts)
            {
                cells.AddRange(
                [
                    $"{Round(Cell(row, cohort + "_auc"))} ({Round(Cell(row, cohort + "_auc_lower"))}–{Round(Cell(row, cohort + "_auc_upper"))})",
                    $"{Round(Cell(row, cohort + "_sensitivity"))} / {Round(Cell(row, cohort + "_specificity"))}",
                    Round(Cell(row, cohort + "_delong_p_bh")),
                ]);
            }

            return (IReadOnlyList<string>)cells;
        }).ToList();
        return new Table("Leaderboard (every trial; values to 3 decimals, the raw values in the linked CSV)", headers, rows);
    }

    /// <summary>A number to 3 decimals; empty or NaN reads "n/a", a non-number is kept as it is.</summary>
    private static string Round(string cell) =>
        string.IsNullOrEmpty(cell) ? "n/a"
        : double.TryParse(cell, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) ? ReportFormat.F(value)
        : cell;
}
