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

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public void Validate()
    {
        if (!(ConfidenceLevel > 0 && ConfidenceLevel < 1))
            throw new ArgumentOutOfRangeException(nameof(ConfidenceLevel), ConfidenceLevel, "Must be in (0, 1).");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "Must be ≥ 1.");
    }
}
