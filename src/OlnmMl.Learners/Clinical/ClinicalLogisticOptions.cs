using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Clinical;

/// <summary>Options of <see cref="ClinicalLogisticTrainer"/>.</summary>
public sealed class ClinicalLogisticOptions
{
    /// <summary>Predictor vector column (clinical variables, or several model scores for a stacked signature).</summary>
    public string FeatureColumnName { get; set; } = DefaultColumnNames.Features;

    /// <summary>Boolean outcome column.</summary>
    public string LabelColumnName { get; set; } = DefaultColumnNames.Label;

    /// <summary>Confidence level of the odds-ratio intervals.</summary>
    public double ConfidenceLevel { get; set; } = 0.95;

    /// <summary>Newton iterations allowed.</summary>
    public int MaxIterations { get; set; } = 100;

    /// <summary>
    /// Univariable screen: only slots whose own logistic model has Wald p &lt; this enter the multivariable model
    /// (<see cref="ClinicalSignature"/>); null (the default) lets every slot enter.
    /// </summary>
    public double? EntryPValue { get; set; }

    /// <summary>After the screen, remove the variable of largest multivariable p while that p ≥ <see cref="EntryPValue"/> (which must be set) and more than one remains.</summary>
    public bool BackwardElimination { get; set; }

    /// <summary>
    /// Fit the multivariable model by Firth's bias-reduced likelihood (<see cref="LogisticRegression"/>), which stays
    /// finite when a predictor separates the classes (e.g. a stacked model score that is an in-sample overfit).
    /// </summary>
    public bool Firth { get; set; }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    /// <exception cref="ArgumentException">Backward elimination without an entry threshold.</exception>
    public void Validate()
    {
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "Must be in (0, 1).");
        if (EntryPValue is { } alpha && !(alpha > 0 && alpha <= 1))
            throw new ArgumentOutOfRangeException(nameof(EntryPValue), alpha, "Must be in (0, 1].");
        if (BackwardElimination && EntryPValue is null)
            throw new ArgumentException("Backward elimination removes variables at the entry threshold: set EntryPValue too.", nameof(BackwardElimination));
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "Must be ≥ 1.");
    }
}
