namespace OlnmMl.AutoML.Store;

/// <summary>
/// A value a trial reported while it ran (<see cref="IStudyStore.ReportIntermediate"/>): at <paramref name="Step"/>
/// (an epoch, a rung), <paramref name="Value"/> in the units of the study's objective (e.g. validation AUC).
/// </summary>
/// <param name="Trial">The reporting trial's number.</param>
/// <param name="Step">The step, ≥ 0; a trial has at most one value per step.</param>
/// <param name="Value">The value (NaN allowed: a diverged model).</param>
public sealed record IntermediateValue(int Trial, int Step, double Value);
