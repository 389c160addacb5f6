using System.Diagnostics;
using OlnmMl.Evaluation.Survival;
using Xunit.Abstractions;

namespace OlnmMl.Evaluation.Tests.Survival;

public sealed class CoxRegressionTests(ITestOutputHelper output)
{
    public static TheoryData<string> Datasets => new(RFixture.Names.Where(n => n != "half"));

    [Theory]
    [MemberData(nameof(Datasets))]
    public void EfronAndBreslowFitsEqualRCoxph(string dataset)
    {
        var fixture = RFixture.Load(dataset);
        var max = new Dictionary<string, double>();
        void Track(string statistic, double difference) => max[statistic] = Math.Max(max.GetValueOrDefault(statistic), difference);
        foreach (var r in fixture.Section("cox"))
        {
            string[] names = r.GetProperty("covariates").EnumerateArray().Select(c => c.GetString()!).ToArray();
            var ties = r.GetProperty("ties").GetString() == "efron" ? CoxTies.Efron : CoxTies.Breslow;
            string what = $"{dataset} {ties} {string.Join("+", names)}";

            var model = CoxRegression.Fit(fixture.Time, fixture.Events, names.Select(fixture.Numbers).ToArray(), names, ties);

            var c = model.Coefficients;
            Track("coef", RFixture.AssertClose(RFixture.Numbers(r.GetProperty("coef")), c.Select(x => x.Coefficient).ToList(), $"{what} coef"));
            Track("se", RFixture.AssertClose(RFixture.Numbers(r.GetProperty("se")), c.Select(x => x.StdErr).ToList(), $"{what} se"));
            Track("hr", RFixture.AssertClose(RFixture.Numbers(r.GetProperty("hr")), c.Select(x => x.HazardRatio).ToList(), $"{what} hr"));
            Track("hr ci", RFixture.AssertClose(RFixture.Numbers(r.GetProperty("hr_lower")), c.Select(x => x.HazardRatioCiLower).ToList(), $"{what} hr lower"));
            Track("hr ci", RFixture.AssertClose(RFixture.Numbers(r.GetProperty("hr_upper")), c.Select(x => x.HazardRatioCiUpper).ToList(), $"{what} hr upper"));
            Track("z", RFixture.AssertClose(RFixture.Numbers(r.GetProperty("z")), c.Select(x => x.Z).ToList(), $"{what} z"));
            Track("p", RFixture.AssertClose(RFixture.Numbers(r.GetProperty("p")), c.Select(x => x.PValue).ToList(), $"{what} p"));
            Track("loglik", RFixture.AssertClose(RFixture.Number(r.GetProperty("loglik_null")), model.LogLikelihoodNull, $"{what} loglik(0)"));
            Track("loglik", RFixture.AssertClose(RFixture.Number(r.GetProperty("loglik")), model.LogLikelihood, $"{what} loglik"));
            foreach (var (name, test) in new[] { ("lr", model.LikelihoodRatio), ("wald", model.Wald), ("score", model.Score) })
            {
                var expected = r.GetProperty(name);
                Track($"{name} test", RFixture.AssertClose(RFixture.Number(expected.GetProperty("statistic")), test.Statistic, $"{what} {name}"));
                Track($"{name} p", RFixture.AssertClose(RFixture.Number(expected.GetProperty("p")), test.PValue, $"{what} {name} p"));
                Assert.Equal((int)RFixture.Number(expected.GetProperty("df")), test.DegreesOfFreedom);
            }

            Track("concordance", RFixture.AssertClose(RFixture.Number(r.GetProperty("concordance")), model.Concordance.Value, $"{what} concordance"));
            Track("concordance se", RFixture.AssertClose(RFixture.Number(r.GetProperty("concordance_se")), model.Concordance.StdErr, $"{what} concordance se"));
            var counts = model.Concordance;
            Assert.Equal(RFixture.Numbers(r.GetProperty("concordance_counts")), new double[] { counts.Concordant, counts.Discordant, counts.TiedRisk, counts.TiedTime, counts.TiedRiskAndTime });
            Assert.Equal((int)RFixture.Number(r.GetProperty("iterations")), model.Iterations);
            Assert.Equal((int)RFixture.Number(r.GetProperty("events")), model.Events);
            Assert.Empty(model.Warnings);
        }

        output.WriteLine($"max |Δ| vs R ({dataset}): " + string.Join(", ", max.Select(p => $"{p.Key} {p.Value:E2}")));
    }

    [Fact]
    public void ABinaryCovariateWithBreslowTiesHasTheLogRankAsScoreTest()
    {
        // Without ties in the event times the Breslow score test of one binary covariate is the log-rank test.
        double[] time = [1, 2, 3, 4, 5, 6, 7, 8];
        bool[] events = [true, true, false, true, true, true, false, true];
        int[] group = [0, 1, 0, 0, 1, 1, 0, 1];

        var cox = CoxRegression.Fit(time, events, [group.Select(g => (double)g).ToArray()], ["g"], CoxTies.Breslow);
        var logRank = LogRank.Test(time, events, group);

        Assert.Equal(logRank.ChiSquare, cox.Score.Statistic, 12);
    }

    [Fact]
    public void AConstantCovariateIsRefusedByName()
    {
        var error = Assert.Throws<OlnmUserException>(() => CoxRegression.Fit([1, 2, 3], [true, false, true], [[1, 2, 3], [7, 7, 7]], ["age", "site"]));
        Assert.Contains("covariate 'site' is constant (every case has 7)", error.Message);
    }

    [Fact]
    public void DataWithoutEventsAreRefused()
    {
        var error = Assert.Throws<OlnmUserException>(() => CoxRegression.Fit([1, 2, 3], [false, false, false], [[1, 2, 3]], ["age"]));
        Assert.Contains("none of the 3 cases has an event", error.Message);
    }

    [Fact]
    public void CollinearCovariatesAreRefused()
    {
        var error = Assert.Throws<OlnmUserException>(() => CoxRegression.Fit([1, 2, 3, 4], [true, true, false, true], [[1, 2, 3, 5], [2, 4, 6, 10]], ["a", "b"]));
        Assert.Contains("singular", error.Message);
    }

    [Fact]
    public void NonConvergenceIsAnErrorNotAResult()
    {
        var fixture = RFixture.Load("lung");

        var error = Assert.Throws<OlnmUserException>(() => CoxRegression.Fit(fixture.Time, fixture.Events, [fixture.Numbers("age")], ["age"], maxIterations: 1));

        Assert.Contains("did not converge in 1 Newton–Raphson iterations", error.Message);
    }

    [Fact]
    public void ACovariateThatSeparatesTheOutcomeIsFlaggedAsPossiblyInfinite()
    {
        // Every case with x = 1 has its event before every case with x = 0: ℓ(β) rises monotonically in β.
        double[] time = [1, 2, 3, 4, 5, 6, 7, 8];
        bool[] events = [true, true, true, true, true, false, true, false];
        double[] x = [1, 1, 1, 1, 0, 0, 0, 0];

        var model = CoxRegression.Fit(time, events, [x], ["x"]);

        Assert.Contains("covariate 'x'", Assert.Single(model.Warnings));
        Assert.True(model.Coefficients[0].Coefficient > 5, $"β̂ = {model.Coefficients[0].Coefficient} runs off towards +∞");
    }

    [Fact]
    public void FiveThousandCasesFitInMilliseconds()
    {
        var random = new Random(7);
        int n = 5000;
        var time = new double[n];
        var events = new bool[n];
        var x = new[] { new double[n], new double[n], new double[n] };
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < 3; j++) x[j][i] = random.NextDouble();
            double hazard = Math.Exp(0.5 * x[0][i] - 0.3 * x[1][i]);
            time[i] = Math.Round(-Math.Log(random.NextDouble()) / hazard * 100);
            events[i] = random.NextDouble() < 0.7;
        }

        CoxRegression.Fit(time, events, x, ["a", "b", "c"]); // warm-up (JIT)
        var clock = Stopwatch.StartNew();
        var model = CoxRegression.Fit(time, events, x, ["a", "b", "c"]);
        clock.Stop();

        output.WriteLine($"5,000 cases, 3 covariates: {clock.Elapsed.TotalMilliseconds:F1} ms");
        Assert.InRange(model.Coefficients[0].Coefficient, 0.3, 0.7);
        Assert.True(clock.Elapsed.TotalSeconds < 2, $"took {clock.Elapsed.TotalMilliseconds:F0} ms");
    }
}
