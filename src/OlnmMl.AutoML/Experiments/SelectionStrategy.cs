namespace OlnmMl.AutoML.Experiments;

/// <summary>How a trial produces its selection cohorts from the training centres.</summary>
public enum SelectionStrategy
{
    /// <summary>A held-out internal-validation split of the training centres.</summary>
    InternalValidation,
    /// <summary>Leave-one-centre-out cross-validation over the training centres (out-of-fold predictions).</summary>
    LeaveOneCentreOut,
}
