namespace OlnmMl.AutoML.Store;

/// <summary>Queries on <see cref="TrialStatus"/>.</summary>
public static class TrialStatusExtensions
{
    /// <summary>True for Complete, Failed and Pruned (the record never changes again); false for Running and Interrupted.</summary>
    public static bool IsFinal(this TrialStatus status) => status is TrialStatus.Complete or TrialStatus.Failed or TrialStatus.Pruned;
}
