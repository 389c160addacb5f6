using OlnmMl.Evaluation.Survival;

namespace OlnmMl.Evaluation.Tests.Survival;

public sealed class ConcordanceTests
{
    [Theory]
    [InlineData(1, 40)]
    [InlineData(2, 300)]
    [InlineData(3, 1000)]
    public void TheFenwickCountsEqualEveryPairCountedDirectly(int seed, int n)
    {
        // Few distinct times and risks, so every kind of tie occurs.
        var random = new Random(seed);
        double[] time = Enumerable.Range(0, n).Select(_ => (double)random.Next(1, 12)).ToArray();
        bool[] events = Enumerable.Range(0, n).Select(_ => random.NextDouble() < 0.6).ToArray();
        double[] risk = Enumerable.Range(0, n).Select(_ => (double)random.Next(0, 8)).ToArray();

        var fast = Concordance.Harrell(time, events, risk);
        var direct = Direct(time, events, risk);

        Assert.Equal(direct with { Value = 0, StdErr = 0 }, fast with { Value = 0, StdErr = 0 });
        Assert.Equal(direct.Value, fast.Value, 14);
        Assert.Equal(direct.StdErr, fast.StdErr, 14);
    }

    [Fact]
    public void FourCasesByHand()
    {
        // Times 1, 2, 3+, 4 with risks 4, 3, 1, 2. Comparable pairs (earlier event first):
        // (1,2) 4>3 concordant, (1,3) 4>1 c, (1,4) 4>2 c, (2,3) 3>1 c, (2,4) 3>2 c; case 3 is censored. C = 1.
        var c = Concordance.Harrell([1, 2, 3, 4], [true, true, false, true], [4, 3, 1, 2]);

        Assert.Equal(5, c.Concordant);
        Assert.Equal(0, c.Discordant);
        Assert.Equal(1.0, c.Value);
    }

    /// <summary>Every ordered pair, straight from the definition (R's concordancefit, reverse = TRUE).</summary>
    private static ConcordanceEstimate Direct(double[] time, bool[] events, double[] risk)
    {
        int n = time.Length;
        var counts = new long[n, 3];
        long tiedTime = 0, tiedBoth = 0;
        for (int i = 0; i < n; i++)
        {
            for (int j = 0; j < n; j++)
            {
                if (!events[i] || j == i || time[j] < time[i]) continue;
                if (time[j] == time[i] && events[j])
                {
                    if (j > i && risk[i] == risk[j]) tiedBoth++;
                    else if (j > i) tiedTime++;
                    continue;
                }

                int kind = risk[i] > risk[j] ? 0 : risk[i] < risk[j] ? 1 : 2;
                counts[i, kind]++;
                counts[j, kind]++;
            }
        }

        long c = 0, d = 0, t = 0;
        for (int k = 0; k < n; k++) (c, d, t) = (c + counts[k, 0], d + counts[k, 1], t + counts[k, 2]);
        (c, d, t) = (c / 2, d / 2, t / 2);
        double pairs = c + d + t, somers = (c - d) / pairs, sum = 0;
        for (int k = 0; k < n; k++)
        {
            double dfbeta = (counts[k, 0] - counts[k, 1] - somers * (counts[k, 0] + counts[k, 1] + counts[k, 2])) / pairs;
            sum += dfbeta * dfbeta;
        }

        return new ConcordanceEstimate((somers + 1) / 2, Math.Sqrt(sum) / 2, c, d, t, tiedTime, tiedBoth);
    }
}
