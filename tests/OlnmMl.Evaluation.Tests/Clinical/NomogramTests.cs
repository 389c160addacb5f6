using OlnmMl.Evaluation.Clinical;

namespace OlnmMl.Evaluation.Tests.Clinical;

public class NomogramTests
{
    // Hand-checked two-variable model: logit P = −3 + 0.05·age + 0.8·male, age 30–80 and male 0/1 on training.
    // δ_age = 0.05·50 = 2.5, δ_male = 0.8·1 = 0.8, so M = 2.5 and age carries the 0–100 scale:
    // points_age(x) = 100·0.05·(x − 30)/2.5 = 2·(x − 30) (30 → 0, 55 → 50, 80 → 100); points_male(1) = 100·0.8/2.5 = 32.
    // T_max = 132; c = −3 + 0.05·30 = −1.5; η(T) = −1.5 + 0.025·T.
    // A 55-year-old man: T = 50 + 32 = 82, η = −1.5 + 2.05 = 0.55 = −3 + 0.05·55 + 0.8 (direct), risk σ(0.55) = 0.634136.
    private static readonly Nomogram HandChecked = new(-3,
    [
        new NomogramPredictor("age", 0.05, 30, 80, null),
        new NomogramPredictor("male", 0.8, 0, 1, [0, 1]),
    ]);

    [Fact]
    public void TwoVariableModel_PointsScale_MatchesTheHandCalculation()
    {
        Assert.Equal(2.5, HandChecked.LogOddsPer100Points, 12);
        Assert.Equal(0, HandChecked.Points(0, 30), 12);
        Assert.Equal(50, HandChecked.Points(0, 55), 12);
        Assert.Equal(100, HandChecked.Points(0, 80), 12);
        Assert.Equal(32, HandChecked.Points(1, 1), 12);
        Assert.Equal(132, HandChecked.MaxTotalPoints, 12);
        Assert.Equal(-1.5, HandChecked.Offset, 12);
        Assert.Equal(82, HandChecked.TotalPoints([55, 1]), 12);
        Assert.Equal(0.55, HandChecked.LinearPredictor(82), 12);
        Assert.Equal(0.634136, HandChecked.Risk(82), 6);
        Assert.Equal([0.0, 1], HandChecked.PredictorTicks(1));
        Assert.Equal([30.0, 40, 50, 60, 70, 80], HandChecked.PredictorTicks(0));
    }

    [Fact]
    public void NegativeCoefficient_CountsPointsDownFromTheMaximum()
    {
        // β = −0.04 over 10–60 HU: δ = 2 = M, reference 60; points(10) = 100·(−0.04)(10 − 60)/2 = 100, points(60) = 0.
        var nomogram = new Nomogram(0, [new NomogramPredictor("density", -0.04, 10, 60, null), new NomogramPredictor("male", 0.5, 0, 1, [0, 1])]);

        Assert.Equal(100, nomogram.Points(0, 10), 12);
        Assert.Equal(0, nomogram.Points(0, 60), 12);
        Assert.Equal(-0.04 * 60, nomogram.Offset, 12);
    }

    [Fact]
    public void RandomCases_TotalPointsToRisk_EqualsTheModelProbability()
    {
        var rng = new Random(7);
        for (int model = 0; model < 20; model++)
        {
            var d = rng.Next(1, 6);
            var beta0 = rng.NextDouble() * 6 - 3;
            var predictors = Enumerable.Range(0, d).Select(j =>
            {
                var min = rng.NextDouble() * 100 - 50;
                return new NomogramPredictor($"x{j}", rng.NextDouble() * 2 - 1, min, min + rng.NextDouble() * 40 + 0.1, null);
            }).ToArray();
            var nomogram = new Nomogram(beta0, predictors);
            for (int c = 0; c < 50; c++)
            {
                var x = predictors.Select(p => p.Minimum + rng.NextDouble() * (p.Maximum - p.Minimum)).ToArray();
                var eta = beta0 + predictors.Select((p, j) => p.Beta * x[j]).Sum();
                var total = nomogram.TotalPoints(x);
                Assert.InRange(total, -1e-9, nomogram.MaxTotalPoints + 1e-9);
                Assert.Equal(1 / (1 + Math.Exp(-eta)), nomogram.Risk(total), 1e-12);
            }
        }
    }

    [Fact]
    public void FigureTicks_MapBackToTheirRisk_AndStayOnTheScales()
    {
        foreach (var p in HandChecked.RiskTicks)
        {
            Assert.Equal(p, HandChecked.Risk(HandChecked.TotalPointsAt(p)), 1e-6);
        }

        // η spans −1.5 … 1.8 on 0 … 132 points: risks 0.182 … 0.858, so 0.2 … 0.8 are drawn and 0.1, 0.9 are not.
        Assert.Equal([0.2, 0.3, 0.4, 0.5, 0.6, 0.7, 0.8], HandChecked.RiskTicks);
        Assert.Equal([0.0, 20, 40, 60, 80, 100, 120], HandChecked.TotalPointsTicks);
        for (int j = 0; j < HandChecked.Predictors.Count; j++)
        {
            Assert.All(HandChecked.PredictorTicks(j), v => Assert.InRange(HandChecked.Points(j, v), 0, 100));
        }

        // Every combination of predictor ticks: the points read off the axes give the model's risk.
        foreach (var age in HandChecked.PredictorTicks(0))
        {
            foreach (var male in HandChecked.PredictorTicks(1))
            {
                var eta = -3 + 0.05 * age + 0.8 * male;
                Assert.Equal(1 / (1 + Math.Exp(-eta)), HandChecked.Risk(HandChecked.Points(0, age) + HandChecked.Points(1, male)), 1e-6);
            }
        }
    }

    [Fact]
    public void FromTraining_IntegerValuesWithFewLevels_AreCategorical()
    {
        var sex = NomogramPredictor.FromTraining("male", 0.8, [1, 0, 0, 1, 1]);
        var stage = NomogramPredictor.FromTraining("stage", 0.3, [1, 2, 3, 4, 2]);
        var age = NomogramPredictor.FromTraining("age", 0.05, [30, 41, 52, 63, 74, 80]);
        var diameter = NomogramPredictor.FromTraining("diameter", 0.2, [8.5, 10, 12.25]);

        Assert.Equal([0.0, 1], sex.Levels);
        Assert.Equal([1.0, 2, 3, 4], stage.Levels);
        Assert.Null(age.Levels);
        Assert.Equal((30.0, 80.0), (age.Minimum, age.Maximum));
        Assert.Null(diameter.Levels);
    }

    [Fact]
    public void NoLogOddsRange_IsRejected() =>
        Assert.Throws<ArgumentException>(() => new Nomogram(0, [new NomogramPredictor("constant", 1, 5, 5, null)]));
}
