namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Per-case predicted probabilities of one cohort. Case ids are unique within the cohort; probabilities are finite
/// and in [0, 1]; the three lists have the same length.
/// </summary>
public sealed record CohortPredictions
{
    /// <summary>Creates and validates the predictions of <paramref name="cohort"/>.</summary>
    public CohortPredictions(string cohort, CohortRole role, IReadOnlyList<string> caseIds, IReadOnlyList<bool> labels, IReadOnlyList<double> probabilities)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(cohort);
        ArgumentNullException.ThrowIfNull(caseIds);
        ArgumentNullException.ThrowIfNull(labels);
        ArgumentNullException.ThrowIfNull(probabilities);
        if (caseIds.Count != labels.Count || caseIds.Count != probabilities.Count)
        {
            throw new ArgumentException(
                $"Cohort '{cohort}': {caseIds.Count} case ids, {labels.Count} labels and {probabilities.Count} probabilities; they must be equal.");
        }

        for (var i = 0; i < probabilities.Count; i++)
        {
            if (!double.IsFinite(probabilities[i]) || probabilities[i] < 0 || probabilities[i] > 1)
            {
                throw new ArgumentException($"Cohort '{cohort}', case '{caseIds[i]}': probability {probabilities[i]} is not in [0, 1].");
            }
        }

        if (caseIds.Distinct(StringComparer.Ordinal).Count() != caseIds.Count)
        {
            throw new ArgumentException($"Cohort '{cohort}' repeats case ids.");
        }

        Cohort = cohort;
        Role = role;
        CaseIds = caseIds.ToArray();
        Labels = labels.ToArray();
        Probabilities = probabilities.ToArray();
    }

    /// <summary>Cohort name (e.g. internal-validation, test1).</summary>
    public string Cohort { get; }

    /// <summary>Role of the cohort.</summary>
    public CohortRole Role { get; }

    /// <summary>Case ids.</summary>
    public IReadOnlyList<string> CaseIds { get; }

    /// <summary>True for a positive case (pN+).</summary>
    public IReadOnlyList<bool> Labels { get; }

    /// <summary>Predicted probability of the positive class.</summary>
    public IReadOnlyList<double> Probabilities { get; }
}
