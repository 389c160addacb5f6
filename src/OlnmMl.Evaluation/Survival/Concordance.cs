namespace OlnmMl.Evaluation.Survival;

/// <summary>
/// Harrell's concordance of a risk score with right-censored survival, as R's <c>concordancefit(..., reverse = TRUE,
/// timewt = "n")</c> (what <c>coxph</c> reports). A pair (i, j) is comparable when i has an event at tᵢ and j was still
/// at risk: tⱼ &gt; tᵢ, or tⱼ = tᵢ with j censored. It is concordant when rᵢ &gt; rⱼ, discordant when rᵢ &lt; rⱼ, tied
/// on risk when equal. With N = C + D + T, Somers' d = (C − D)/N and C-index = (d + 1)/2. Standard error: with
/// Cₖ, Dₖ, Tₖ the comparable pairs case k belongs to, dfbetaₖ = ((Cₖ − Dₖ) − d·(Cₖ + Dₖ + Tₖ))/N and
/// SE = √(Σₖ dfbetaₖ²)/2. O(n²) time, O(n) memory.
/// </summary>
public static class Concordance
{
    /// <summary>Concordance of <paramref name="risk"/> (higher = earlier event) with the survival outcome.</summary>
    /// <param name="time">Follow-up time per case (finite, ≥ 0).</param>
    /// <param name="events">Per case: true = event, false = censored.</param>
    /// <param name="risk">Risk score per case (e.g. the Cox linear predictor).</param>
    /// <exception cref="ArgumentException">Different lengths.</exception>
    /// <exception cref="OlnmUserException">A negative or non-finite time, or no event.</exception>
    public static ConcordanceEstimate Harrell(ReadOnlySpan<double> time, ReadOnlySpan<bool> events, ReadOnlySpan<double> risk)
    {
        SurvivalInput.Validate(time, events);
        CaseSet.RequireSameLength(time.Length, risk.Length, "time", "risk");
        int n = time.Length;
        var concordant = new long[n];
        var discordant = new long[n];
        var tied = new long[n];
        long tiedTime = 0, tiedBoth = 0;
        for (int i = 0; i < n; i++)
        {
            if (!events[i]) continue;
            double ti = time[i], ri = risk[i];
            for (int j = 0; j < n; j++)
            {
                double tj = time[j];
                if (tj < ti || j == i) continue;
                if (tj == ti && events[j])
                {
                    if (j < i) continue; // each tied pair of events once
                    if (risk[j] == ri) tiedBoth++;
                    else tiedTime++;
                    continue;
                }

                long[] counter = ri > risk[j] ? concordant : ri < risk[j] ? discordant : tied;
                counter[i]++;
                counter[j]++;
            }
        }

        long c = 0, d = 0, t = 0;
        for (int k = 0; k < n; k++)
        {
            c += concordant[k];
            d += discordant[k];
            t += tied[k];
        }

        // Every comparable pair was counted for both of its cases.
        (c, d, t) = (c / 2, d / 2, t / 2);
        double pairs = c + d + t;
        double somers = (c - d) / pairs;
        double sum = 0;
        for (int k = 0; k < n; k++)
        {
            double dfbeta = (concordant[k] - discordant[k] - somers * (concordant[k] + discordant[k] + tied[k])) / pairs;
            sum += dfbeta * dfbeta;
        }

        return new ConcordanceEstimate((somers + 1) / 2, Math.Sqrt(sum) / 2, c, d, t, tiedTime, tiedBoth);
    }
}
