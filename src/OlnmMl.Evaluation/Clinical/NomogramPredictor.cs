namespace OlnmMl.Evaluation.Clinical;

/// <summary>
/// One predictor of a logistic model as a nomogram draws it: its coefficient and its range on the training cohort.
/// A categorical predictor (<see cref="Levels"/> set) is drawn with a tick at each level only.
/// </summary>
/// <param name="Name">Variable name.</param>
/// <param name="Beta">β of the fitted model (log odds per unit).</param>
/// <param name="Minimum">Smallest training value.</param>
/// <param name="Maximum">Largest training value.</param>
/// <param name="Levels">The levels of a categorical predictor, ascending; null for a continuous one.</param>
public sealed record NomogramPredictor(string Name, double Beta, double Minimum, double Maximum, IReadOnlyList<double>? Levels)
{
    /// <summary>Predictors with at most this many distinct training values, all integers, are categorical.</summary>
    public const int MaxLevels = 5;

    /// <summary>The predictor over its training values: range from them; categorical when they are at most <see cref="MaxLevels"/> distinct integers (e.g. sex 0/1, T stage 1–4).</summary>
    /// <param name="name">Variable name.</param>
    /// <param name="beta">β of the fitted model.</param>
    /// <param name="trainingValues">The predictor's values on the training cohort (finite, at least one).</param>
    public static NomogramPredictor FromTraining(string name, double beta, IReadOnlyCollection<double> trainingValues)
    {
        if (trainingValues.Count == 0 || trainingValues.Any(v => !double.IsFinite(v)))
            throw new ArgumentException($"Predictor '{name}' needs finite training values.", nameof(trainingValues));
        var distinct = trainingValues.Distinct().Order().ToArray();
        var categorical = distinct.Length <= MaxLevels && distinct.All(v => v == Math.Round(v));
        return new NomogramPredictor(name, beta, distinct[0], distinct[^1], categorical ? distinct : null);
    }
}
