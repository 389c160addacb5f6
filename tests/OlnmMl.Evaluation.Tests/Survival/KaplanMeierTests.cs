using OlnmMl.Evaluation.Survival;
using Xunit.Abstractions;

namespace OlnmMl.Evaluation.Tests.Survival;

public sealed class KaplanMeierTests(ITestOutputHelper output)
{
    public static TheoryData<string> Datasets => new(RFixture.Names);

    [Theory]
    [MemberData(nameof(Datasets))]
    public void CurvesEqualRSurvfit(string dataset)
    {
        var fixture = RFixture.Load(dataset);
        double[] time = fixture.Time;
        bool[] events = fixture.Events;
        double survival = 0, stdErr = 0, interval = 0, median = 0;
        foreach (var r in fixture.Section("km"))
        {
            string? column = RFixture.Text(r.GetProperty("group_column"));
            string? group = RFixture.Text(r.GetProperty("group"));
            int[] rows = Enumerable.Range(0, time.Length).Where(i => column is null || fixture.Columns[column][i] == group).ToArray();
            var curve = KaplanMeier.Fit(rows.Select(i => time[i]).ToArray(), rows.Select(i => events[i]).ToArray());
            string what = $"{dataset} {column ?? "all"}={group}";
            var steps = curve.Steps;

            Assert.Equal(RFixture.Numbers(r.GetProperty("time")), steps.Select(s => s.Time));
            Assert.Equal(RFixture.Numbers(r.GetProperty("n_risk")), steps.Select(s => (double)s.AtRisk));
            Assert.Equal(RFixture.Numbers(r.GetProperty("n_event")), steps.Select(s => (double)s.Events));
            Assert.Equal(RFixture.Numbers(r.GetProperty("n_censor")), steps.Select(s => (double)s.Censored));
            survival = Math.Max(survival, RFixture.AssertClose(RFixture.Numbers(r.GetProperty("surv")), steps.Select(s => s.Survival).ToList(), $"{what} S(t)"));
            stdErr = Math.Max(stdErr, RFixture.AssertClose(RFixture.Numbers(r.GetProperty("std_err")), steps.Select(s => s.StdErr).ToList(), $"{what} SE"));
            stdErr = Math.Max(stdErr, RFixture.AssertClose(RFixture.Numbers(r.GetProperty("std_err_log")), steps.Select(s => s.LogStdErr).ToList(), $"{what} SE(log)"));
            interval = Math.Max(interval, RFixture.AssertClose(RFixture.Numbers(r.GetProperty("lower")), steps.Select(s => s.CiLower).ToList(), $"{what} lower"));
            interval = Math.Max(interval, RFixture.AssertClose(RFixture.Numbers(r.GetProperty("upper")), steps.Select(s => s.CiUpper).ToList(), $"{what} upper"));
            median = Math.Max(median, RFixture.AssertClose(RFixture.Number(r.GetProperty("median")), curve.Median.Median, $"{what} median"));
            median = Math.Max(median, RFixture.AssertClose(RFixture.Number(r.GetProperty("median_lower")), curve.Median.CiLower, $"{what} median LCL"));
            median = Math.Max(median, RFixture.AssertClose(RFixture.Number(r.GetProperty("median_upper")), curve.Median.CiUpper, $"{what} median UCL"));
            Assert.Equal(rows.Length, curve.Cases);
        }

        output.WriteLine($"max |Δ| vs R ({dataset}): S(t) {survival:E2}, SE {stdErr:E2}, CI {interval:E2}, median {median:E2}");
    }

    [Fact]
    public void FiveCasesByHand()
    {
        // Times 1, 2+, 3, 3, 5+ (+ = censored).
        // t = 1: n = 5, d = 1 → S = 4/5 = 0.8; σ² = 1/(5·4) = 0.05.
        // t = 2: n = 4, one censoring → S stays 0.8.
        // t = 3: n = 3, d = 2 → S = 0.8·(1/3) = 0.2666…; σ² = 0.05 + 2/(3·1) = 0.71666…
        //        SE(S) = 0.2666…·√0.71666… = 0.225749…; lower = S·exp(−1.959964·0.846562…) = 0.050525…
        // t = 5: n = 1, censored → S stays. Median: first S ≤ ½ is at t = 3.
        var curve = KaplanMeier.Fit([1, 2, 3, 3, 5], [true, false, true, true, false]);

        Assert.Equal([1.0, 2, 3, 5], curve.Steps.Select(s => s.Time));
        Assert.Equal([5, 4, 3, 1], curve.Steps.Select(s => s.AtRisk));
        Assert.Equal(0.8, curve.Steps[1].Survival, 15);
        Assert.Equal(4.0 / 15, curve.Steps[2].Survival, 15);
        Assert.Equal(Math.Sqrt(0.05 + 2.0 / 3), curve.Steps[2].LogStdErr, 15);
        Assert.Equal(4.0 / 15 * Math.Sqrt(0.05 + 2.0 / 3), curve.Steps[2].StdErr, 15);
        Assert.Equal(4.0 / 15 * Math.Exp(-1.959963984540054 * Math.Sqrt(0.05 + 2.0 / 3)), curve.Steps[2].CiLower, 12);
        Assert.Equal([0, 1, 0, 1], curve.Steps.Select(s => s.Censored));
        Assert.Equal(3, curve.Median.Median);
        Assert.True(double.IsNaN(curve.Median.CiUpper), "the upper curve never reaches ½");
    }

    [Fact]
    public void ANegativeTimeIsRefusedNamingTheCase()
    {
        var error = Assert.Throws<OlnmUserException>(() => KaplanMeier.Fit([1, -2, 3], [true, true, false]));
        Assert.Contains("case 1 is -2", error.Message);
    }

    [Fact]
    public void DataWithoutEventsAreRefused()
    {
        var error = Assert.Throws<OlnmUserException>(() => KaplanMeier.Fit([1, 2, 3], [false, false, false]));
        Assert.Contains("none of the 3 cases has an event", error.Message);
    }
}
