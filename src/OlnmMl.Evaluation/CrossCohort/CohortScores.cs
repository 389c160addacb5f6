namespace OlnmMl.Evaluation.CrossCohort;

/// <summary>One model's scores on one cohort (e.g. "training", "internal validation", "test 1").</summary>
/// <param name="Name">Cohort name, unique within a study.</param>
/// <param name="Scores">One score per case (higher = more likely positive; NaN = missing).</param>
/// <param name="Labels">One label per case: true = positive.</param>
public sealed record CohortScores(string Name, double[] Scores, bool[] Labels)
{
    /// <summary>Throws when the arrays are missing or differ in length, naming the cohort.</summary>
    internal void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Name, nameof(Name));
        ArgumentNullException.ThrowIfNull(Scores, $"{Name}.Scores");
        ArgumentNullException.ThrowIfNull(Labels, $"{Name}.Labels");
        if (Scores.Length != Labels.Length)
        {
            throw new ArgumentException($"Cohort '{Name}' has {Scores.Length} scores but {Labels.Length} labels.", nameof(Scores));
        }
    }
}
