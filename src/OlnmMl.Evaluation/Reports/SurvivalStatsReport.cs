using OlnmMl.Evaluation.Survival;

namespace OlnmMl.Evaluation.Reports;

/// <summary>The JSON written by <c>olnm stats survival</c> (see <see cref="SurvivalStats"/>).</summary>
/// <param name="Data">The data file.</param>
/// <param name="TimeColumn">Time column.</param>
/// <param name="EventColumn">Event column.</param>
/// <param name="GroupColumn">Group column, or null.</param>
/// <param name="Covariates">Cox covariate columns (empty: no model).</param>
/// <param name="Cases">Rows read.</param>
/// <param name="Events">Rows with an event.</param>
/// <param name="KaplanMeier">The curve of all cases, then one per group (groups in <paramref name="Groups"/> order).</param>
/// <param name="Groups">Group values, numerically sorted when all are numbers, else ordinally (R's factor levels); empty without a group column.</param>
/// <param name="LogRank">Log-rank test across <paramref name="Groups"/> (arrays in that order), or null without a group column.</param>
/// <param name="Cox">Cox model of the covariates, or null without covariates.</param>
/// <param name="Version">OlnmMl version that wrote the report.</param>
public sealed record SurvivalStatsReport(
    string Data,
    string TimeColumn,
    string EventColumn,
    string? GroupColumn,
    IReadOnlyList<string> Covariates,
    int Cases,
    int Events,
    IReadOnlyList<GroupSurvival> KaplanMeier,
    IReadOnlyList<string> Groups,
    LogRankTest? LogRank,
    CoxModel? Cox,
    string Version);
