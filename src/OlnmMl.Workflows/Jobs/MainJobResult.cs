namespace OlnmMl.Workflows.Jobs;

/// <summary>Where the main job put its results, and what it measured on the way.</summary>
/// <param name="ManifestPath">The cohort manifest.</param>
/// <param name="RadiomicsTablePath">The radiomics feature table.</param>
/// <param name="StudyPath">The sweep's study database.</param>
/// <param name="Targets">The results of each target the study predicts (one for a single-target study).</param>
/// <param name="RiskGroupReportPath">
/// With several targets and follow-up in the manifest, the risk-group report (<see cref="Reports.RiskGroupReport"/>); else null.
/// </param>
public sealed record MainJobResult(string ManifestPath, string RadiomicsTablePath, string StudyPath, IReadOnlyList<TargetResult> Targets, string? RiskGroupReportPath = null);

/// <summary>The leaderboard, report and exported best model of one target.</summary>
/// <param name="Target">The target (e.g. <c>label</c>, <c>n1</c>).</param>
/// <param name="LeaderboardCsv">Leaderboard as CSV.</param>
/// <param name="LeaderboardMarkdown">Leaderboard as Markdown.</param>
/// <param name="ReportPath">The self-contained HTML report.</param>
/// <param name="OnnxPath">The best model exported as ONNX.</param>
/// <param name="BestModel">Label of the best model (by the selection objective).</param>
/// <param name="OnnxMaxDifference">Largest |ONNX Runtime − in-process| probability over the external cohorts.</param>
public sealed record TargetResult(
    string Target,
    string LeaderboardCsv,
    string LeaderboardMarkdown,
    string ReportPath,
    string OnnxPath,
    string BestModel,
    double OnnxMaxDifference);
