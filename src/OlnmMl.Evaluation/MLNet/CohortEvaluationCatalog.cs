using Microsoft.ML;
using OlnmMl.Evaluation.CrossCohort;

namespace OlnmMl.Evaluation.MLNet;

/// <summary>Catalog entry: <c>mlContext.BinaryClassification.EvaluateAcrossCohorts(...)</c>.</summary>
public static class CohortEvaluationCatalog
{
    /// <summary>
    /// Evaluates a trained model's scored cohorts as <see cref="CrossCohortEvaluation.Evaluate"/>: Youden
    /// cut-off fitted on <paramref name="training"/> and carried to <paramref name="evaluationCohorts"/>.
    /// </summary>
    /// <param name="catalog">The binary-classification catalog.</param>
    /// <param name="model">Model name.</param>
    /// <param name="training">Training cohort name and scored data.</param>
    /// <param name="evaluationCohorts">Other cohorts (name, scored data).</param>
    /// <param name="labelColumnName">Label column (default "Label").</param>
    /// <param name="scoreColumnName">Score column (default "Probability").</param>
    /// <param name="options">Settings; null = defaults (use ScoresAreProbabilities: false with "Score").</param>
    public static CrossCohortSummary EvaluateAcrossCohorts(
        this BinaryClassificationCatalog catalog,
        string model,
        (string Name, IDataView Scored) training,
        IEnumerable<(string Name, IDataView Scored)> evaluationCohorts,
        string labelColumnName = "Label",
        string scoreColumnName = "Probability",
        CrossCohortOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(catalog);
        ArgumentNullException.ThrowIfNull(evaluationCohorts);
        CohortScores trainingScores = training.Scored.ToCohortScores(training.Name, labelColumnName, scoreColumnName);
        CohortScores[] others = evaluationCohorts.Select(c => c.Scored.ToCohortScores(c.Name, labelColumnName, scoreColumnName)).ToArray();
        return CrossCohortEvaluation.Evaluate(model, trainingScores, others, options);
    }
}
