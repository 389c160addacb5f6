using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>Common options of the feature selectors; each derived class is one selection method.</summary>
public abstract class FeatureSelectionOptions
{
    /// <summary>The vector column to select slots from; the output column has the same name and keeps slot names.</summary>
    public string FeatureColumnName { get; set; } = DefaultColumnNames.Features;

    /// <summary>Boolean label column (ignored by unsupervised methods).</summary>
    public string LabelColumnName { get; set; } = DefaultColumnNames.Label;

    /// <summary>Short method name recorded with the fitted selection.</summary>
    public abstract string MethodName { get; }

    /// <summary>Whether <see cref="Select"/> needs labels.</summary>
    internal virtual bool NeedsLabels => true;

    /// <summary>Whether <see cref="Select"/> needs finite values (the estimator then rejects NaN and ±∞).</summary>
    internal virtual bool NeedsFiniteValues => true;

    /// <summary>Scores every input feature on the training rows and picks the kept slots.</summary>
    internal abstract FeatureSelectionResult Select(DenseFeatureMatrix train);

    /// <summary>Validates the options, naming the offending one.</summary>
    internal virtual void Validate()
    {
    }
}

/// <summary>The kept slot indices (ascending) and one score per input slot (meaning depends on the method).</summary>
internal sealed record FeatureSelectionResult(int[] Selected, double[] Scores);
