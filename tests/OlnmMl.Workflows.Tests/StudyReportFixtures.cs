using OlnmMl.AutoML.Runner;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Tests;

/// <summary>Synthetic models for the study-report tests: training (90 cases), validation (60) and test1 (50), every third case positive.</summary>
internal static class StudyReportFixtures
{
    /// <summary>A model in three cohorts whose per-case probabilities are <paramref name="probability"/>(random, label), with the cohort's own seeded random.</summary>
    public static ModelPredictions Model(string name, Func<Random, bool, double> probability, int seed)
    {
        CohortPredictions Cohort(string cohort, CohortRole role, int cases, int offset)
        {
            var random = new Random(seed + offset);
            var labels = Enumerable.Range(0, cases).Select(i => i % 3 == 0).ToArray();
            return new CohortPredictions(cohort, role, Enumerable.Range(0, cases).Select(i => $"{cohort}-{i}").ToArray(), labels, labels.Select(l => probability(random, l)).ToArray());
        }

        return new ModelPredictions(name, [Cohort("train", CohortRole.Training, 90, 0), Cohort("validation", CohortRole.Selection, 60, 1), Cohort("test1", CohortRole.External, 50, 2)]);
    }

    /// <summary>Probability a noisy increasing function of the label.</summary>
    public static ModelPredictions Separating(string name, double shift, int seed) =>
        Model(name, (random, label) => 1 / (1 + Math.Exp(-((label ? shift : -shift) + random.NextDouble() * 2 - 1))), seed);
}
