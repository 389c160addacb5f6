using OlnmMl.Evaluation.Survival;

namespace OlnmMl.Evaluation.Reports;

/// <summary>What <c>olnm stats survival</c> computes from a table.</summary>
/// <param name="TimeColumn">Follow-up time column (a number ≥ 0 in every row).</param>
/// <param name="EventColumn">Event column: 1 = event, 0 = censored (true/false also read).</param>
/// <param name="GroupColumn">Optional group column: a Kaplan–Meier curve per group and the log-rank test.</param>
/// <param name="Covariates">Covariate columns of a Cox model (none: no model).</param>
/// <param name="Ties">Tie handling of the Cox model (Efron, R's default).</param>
/// <param name="ConfidenceLevel">Level of every interval, default 0.95.</param>
public sealed record SurvivalStatsRequest(
    string TimeColumn,
    string EventColumn,
    string? GroupColumn = null,
    IReadOnlyList<string>? Covariates = null,
    CoxTies Ties = CoxTies.Efron,
    double ConfidenceLevel = 0.95)
{
    /// <summary>The covariate columns (empty when none were given).</summary>
    public IReadOnlyList<string> CovariateColumns => Covariates ?? [];
}
