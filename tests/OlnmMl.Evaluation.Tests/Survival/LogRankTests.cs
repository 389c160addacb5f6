using OlnmMl.Evaluation.Survival;
using Xunit.Abstractions;

namespace OlnmMl.Evaluation.Tests.Survival;

public sealed class LogRankTests(ITestOutputHelper output)
{
    public static TheoryData<string> Datasets => new(RFixture.Names);

    [Theory]
    [MemberData(nameof(Datasets))]
    public void TestsEqualRSurvdiff(string dataset)
    {
        var fixture = RFixture.Load(dataset);
        double chi = 0, p = 0, expected = 0;
        foreach (var r in fixture.Section("logrank"))
        {
            string column = RFixture.Text(r.GetProperty("group_column"))!;
            var (groups, levels) = fixture.Groups(column);
            Assert.Equal(r.GetProperty("groups").EnumerateArray().Select(g => g.GetString()), levels);

            var test = LogRank.Test(fixture.Time, fixture.Events, groups);

            Assert.Equal(RFixture.Numbers(r.GetProperty("n")), test.Cases.Select(c => (double)c));
            Assert.Equal(RFixture.Numbers(r.GetProperty("observed")), test.Observed);
            Assert.Equal((int)RFixture.Number(r.GetProperty("df")), test.DegreesOfFreedom);
            expected = Math.Max(expected, RFixture.AssertClose(RFixture.Numbers(r.GetProperty("expected")), test.Expected, $"{dataset} {column} expected"));
            chi = Math.Max(chi, RFixture.AssertClose(RFixture.Number(r.GetProperty("chisq")), test.ChiSquare, $"{dataset} {column} chi-square"));
            p = Math.Max(p, RFixture.AssertClose(RFixture.Number(r.GetProperty("p")), test.PValue, $"{dataset} {column} p"));
        }

        output.WriteLine($"max |Δ| vs R ({dataset}): chi-square {chi:E2}, p {p:E2}, expected {expected:E2}");
    }

    [Fact]
    public void TwoGroupsByHand()
    {
        // Group 0: events at 1 and 3; group 1: events at 2 and 4 (the 'half' fixture).
        // t=1: n=4 (2, 2), d=1 → E₀ += 1/2, V += 1·3/3·(2/4)(2/4) = 1/4.
        // t=2: n=3 (1, 2), d=1 → E₀ += 1/3, V += 1·2/2·(1/3)(2/3) = 2/9.
        // t=3: n=2 (1, 1), d=1 → E₀ += 1/2, V += 1·1/1·(1/2)(1/2) = 1/4.
        // t=4: n=1 (0, 1), d=1 → E₀ += 0, V += 0.
        // E₀ = 4/3, O₀ = 2, V = 13/18; χ² (from group 1: O − E = −2/3) = (4/9)/(13/18) = 8/13.
        var test = LogRank.Test([1, 2, 3, 4], [true, true, true, true], [0, 1, 0, 1]);

        Assert.Equal(4.0 / 3, test.Expected[0], 14);
        Assert.Equal(13.0 / 18, test.Variance[1][1], 14);
        Assert.Equal(8.0 / 13, test.ChiSquare, 14);
        Assert.Equal(1, test.DegreesOfFreedom);
    }

    [Fact]
    public void OneGroupIsRefused()
    {
        var error = Assert.Throws<OlnmUserException>(() => LogRank.Test([1, 2], [true, false], [0, 0]));
        Assert.Contains("at least two groups", error.Message);
    }
}
