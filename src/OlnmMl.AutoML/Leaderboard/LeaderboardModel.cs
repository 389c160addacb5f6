using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;
using OlnmMl.Evaluation.CrossCohort;

namespace OlnmMl.AutoML.Leaderboard;

/// <summary>One trial on one cohort: OlnmMl.Evaluation's metrics at the training-fixed cut-off, and the paired
/// DeLong test against the selected model, rank 1 (<see cref="ReferenceComparison"/>: raw and Benjamini–Hochberg-adjusted; NaN for the reference itself).</summary>
/// <param name="Role">The cohort's role (Selection cohorts fed the tuner; External cohorts never did).</param>
/// <param name="Metrics">AUC (DeLong CI), sensitivity/specificity/PPV/NPV at the training Youden cut-off, Brier, calibration.</param>
/// <param name="IsReference">True for the rank-1 trial, the reference of the comparisons.</param>
/// <param name="DeLongP">Paired DeLong p-value versus the reference trial (cases matched by id).</param>
/// <param name="DeLongPAdjusted">BH-adjusted over the trials compared on this cohort.</param>
/// <param name="LiftShare">Share of the attainable lift, (AUC − 0.5) / (reference AUC − 0.5); NaN without a reference.</param>
public sealed record LeaderboardCell(CohortRole Role, CohortMetrics Metrics, bool IsReference, double DeLongP, double DeLongPAdjusted, double LiftShare = double.NaN);

/// <summary>One trial's row, ranked by the selection objective.</summary>
/// <param name="Rank">1 = best selection objective.</param>
/// <param name="Trial">The stored trial.</param>
/// <param name="TrainingCohort">Cohort the Youden cut-off was fitted on.</param>
/// <param name="Cutoff">The training-fixed Youden cut-off.</param>
/// <param name="AverageAuc">aAUC (mean, SD) over the non-training cohorts.</param>
/// <param name="Cells">Per cohort, keyed by cohort name.</param>
/// <param name="AverageLiftShare">Mean share of the attainable lift over the cohorts that have one; NaN without a reference.</param>
public sealed record LeaderboardRow(
    int Rank,
    TrialRecord Trial,
    string TrainingCohort,
    double Cutoff,
    AverageAuc AverageAuc,
    IReadOnlyDictionary<string, LeaderboardCell> Cells,
    double AverageLiftShare = double.NaN);

/// <summary>A study's leaderboard.</summary>
/// <param name="Study">Study name.</param>
/// <param name="Objective">The selection metric.</param>
/// <param name="SelectionCohorts">Cohorts the tuner's objective used (training centres only).</param>
/// <param name="ExternalCohorts">Cohorts scored for this table only.</param>
/// <param name="Rows">Complete trials, best selection objective first.</param>
/// <param name="Notes">Statements printed with the table (leakage rule, methods, skipped trials).</param>
/// <param name="Reference">The reference scorer's AUC per cohort (the ceiling), when one was given.</param>
public sealed record LeaderboardTable(
    string Study,
    ObjectiveMetric Objective,
    IReadOnlyList<string> SelectionCohorts,
    IReadOnlyList<string> ExternalCohorts,
    IReadOnlyList<LeaderboardRow> Rows,
    IReadOnlyList<string> Notes,
    ReferenceAucs? Reference = null);
