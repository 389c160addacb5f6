using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;

namespace OlnmMl.AutoML.Tests;

public sealed class SelectionObjectiveTests
{
    [Fact]
    public void AucNeedsOneCaseOfEachClass_NotTheTwoADeLongVarianceNeeds()
    {
        // One positive scored 0.6 among negatives 0.2, 0.7, 0.4: it outranks 2 of 3 pairs, AUC = 2/3. Only the
        // selection cohort counts; the external cohort (which would give AUC 0) is never part of the objective.
        var cohorts = new[]
        {
            new CohortPredictions("validation", CohortRole.Selection, ["a", "b", "c", "d"], [true, false, false, false], [0.6, 0.2, 0.7, 0.4]),
            new CohortPredictions("test", CohortRole.External, ["e", "f"], [true, false], [0.1, 0.9]),
        };

        Assert.Equal(2.0 / 3, SelectionObjective.Compute(ObjectiveMetric.Auc, cohorts), 12);
    }

    [Fact]
    public void ASelectionCohortWithOneClassIsAnErrorNamingIt()
    {
        var cohorts = new[] { new CohortPredictions("validation", CohortRole.Selection, ["a", "b"], [false, false], [0.6, 0.2]) };

        var error = Assert.Throws<InvalidOperationException>(() => SelectionObjective.Compute(ObjectiveMetric.Auc, cohorts));

        Assert.Contains("'validation'", error.Message);
        Assert.Contains("one positive and one negative", error.Message);
    }
}
