using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// One trial's identity and configuration, as <c>Microsoft.ML.AutoML.TrialSettings</c>. <see cref="Parameter"/> is
/// the flat configuration (ML.NET's is nested per pipeline step) and includes the study's <c>trial</c> kind.
/// </summary>
/// <param name="TrialId">The trial's number in the study.</param>
/// <param name="Parameter">The configuration.</param>
/// <param name="StartedAtUtc">Start time.</param>
/// <param name="EndedAtUtc">End time, or null while running.</param>
public sealed record TrialSettings(int TrialId, ParameterSet Parameter, DateTime StartedAtUtc, DateTime? EndedAtUtc)
{
    /// <summary>The settings of a stored trial.</summary>
    internal static TrialSettings Of(TrialRecord trial) => new(
        trial.Number,
        trial.Parameters,
        trial.StartedAt.UtcDateTime,
        trial.Status == TrialStatus.Running ? null : (trial.StartedAt + trial.Duration).UtcDateTime);
}
