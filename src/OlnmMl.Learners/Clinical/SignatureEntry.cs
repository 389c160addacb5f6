namespace OlnmMl.Learners.Clinical;

/// <summary>What became of a candidate variable when the clinical signature was built.</summary>
public enum SignatureEntry
{
    /// <summary>Univariable p ≥ the entry threshold (or its univariable model could not be fitted): not in the multivariable model.</summary>
    NotEntered,

    /// <summary>Entered the multivariable model, then removed by backward elimination.</summary>
    Eliminated,

    /// <summary>In the final multivariable model.</summary>
    InModel,
}
