using OlnmMl.Evaluation.Survival;

namespace OlnmMl.Evaluation.Reports;

/// <summary>A Kaplan–Meier curve of one group.</summary>
/// <param name="Group">The group value, or <see cref="RocStats.AllCases"/> for every case.</param>
/// <param name="Curve">The curve and its median.</param>
public sealed record GroupSurvival(string Group, KaplanMeierCurve Curve);
