namespace OlnmMl.Evaluation.Survival;

/// <summary>
/// The Cox log partial likelihood ℓ(β), its score U(β) and information I(β), for cases sorted by descending time
/// with covariates centred on their means (which leaves β unchanged). One pass over the cases accumulates the
/// risk-set sums S₀ = Σ e^η, S₁ = Σ e^η x, S₂ = Σ e^η xxᵀ and, at each time, the same sums D₀, D₁, D₂ over its d
/// events. Breslow: ℓ −= d·log S₀, U −= d·S₁/S₀, I += d·(S₂/S₀ − aaᵀ) with a = S₁/S₀. Efron: for l = 0 … d − 1 with
/// f = l/d, S₀ₗ = S₀ − f·D₀ (and so on): ℓ −= log S₀ₗ, U −= S₁ₗ/S₀ₗ, I += S₂ₗ/S₀ₗ − aₗaₗᵀ. Events add Σ η to ℓ and
/// Σ x to U. <see cref="Evaluate"/> allocates nothing.
/// </summary>
internal sealed class CoxPartialLikelihood
{
    private readonly int _n;
    private readonly int _p;
    private readonly CoxTies _ties;
    private readonly double[] _x;          // row-major n × p, sorted by descending time, centred
    private readonly bool[] _event;
    private readonly int[] _blockEnd;      // for each sorted case, the end (exclusive) of its block of equal times
    private readonly double[] _s1, _s2, _d1, _d2, _a;

    public CoxPartialLikelihood(ReadOnlySpan<double> time, ReadOnlySpan<bool> events, IReadOnlyList<double[]> covariates, CoxTies ties)
    {
        _n = time.Length;
        _p = covariates.Count;
        _ties = ties;
        int[] ascending = SurvivalInput.OrderByTime(time);
        Order = new int[_n];
        for (int i = 0; i < _n; i++) Order[i] = ascending[_n - 1 - i];
        Means = new double[_p];
        for (int j = 0; j < _p; j++)
        {
            double sum = 0;
            foreach (double v in covariates[j]) sum += v;
            Means[j] = sum / _n;
        }

        _x = new double[_n * _p];
        _event = new bool[_n];
        _blockEnd = new int[_n];
        for (int r = 0; r < _n; r++)
        {
            int i = Order[r];
            _event[r] = events[i];
            for (int j = 0; j < _p; j++) _x[r * _p + j] = covariates[j][i] - Means[j];
        }

        for (int r = _n - 1; r >= 0; r--)
        {
            _blockEnd[r] = r + 1 < _n && time[Order[r + 1]] == time[Order[r]] ? _blockEnd[r + 1] : r + 1;
        }

        _s1 = new double[_p];
        _s2 = new double[_p * _p];
        _d1 = new double[_p];
        _d2 = new double[_p * _p];
        _a = new double[_p];
    }

    /// <summary>Original case index of each sorted position (descending time).</summary>
    public int[] Order { get; }

    /// <summary>Covariate means (the centring).</summary>
    public double[] Means { get; }

    /// <summary>Centred linear predictor η = (x − x̄)ᵀβ per case, in the input order.</summary>
    public double[] LinearPredictor(ReadOnlySpan<double> beta)
    {
        var eta = new double[_n];
        for (int r = 0; r < _n; r++) eta[Order[r]] = Eta(r, beta);
        return eta;
    }

    /// <summary>ℓ(β); fills <paramref name="score"/> (p) and <paramref name="information"/> (p × p, row-major).</summary>
    public double Evaluate(ReadOnlySpan<double> beta, Span<double> score, Span<double> information)
    {
        int p = _p;
        score.Clear();
        information.Clear();
        Array.Clear(_s1);
        Array.Clear(_s2);
        double s0 = 0, loglik = 0;
        for (int start = 0; start < _n;)
        {
            int end = _blockEnd[start];
            int deaths = 0;
            double d0 = 0;
            Array.Clear(_d1);
            Array.Clear(_d2);
            for (int r = start; r < end; r++)
            {
                double eta = Eta(r, beta);
                double w = Math.Exp(eta);
                ReadOnlySpan<double> x = _x.AsSpan(r * p, p);
                s0 += w;
                AddWeighted(_s1, _s2, x, w);
                if (!_event[r]) continue;
                deaths++;
                d0 += w;
                AddWeighted(_d1, _d2, x, w);
                loglik += eta;
                for (int j = 0; j < p; j++) score[j] += x[j];
            }

            start = end;
            if (deaths == 0) continue;
            if (_ties == CoxTies.Breslow || deaths == 1)
            {
                loglik -= deaths * Math.Log(s0);
                Subtract(score, information, s0, _s1, _s2, deaths);
                continue;
            }

            for (int l = 0; l < deaths; l++)
            {
                double f = (double)l / deaths;
                double denominator = s0 - f * d0;
                loglik -= Math.Log(denominator);
                for (int j = 0; j < p; j++) _a[j] = _s1[j] - f * _d1[j];
                for (int j = 0; j < p; j++)
                {
                    for (int k = 0; k <= j; k++) information[j * p + k] += (_s2[j * p + k] - f * _d2[j * p + k]) / denominator;
                }

                Subtract(score, information, denominator, _a, null, 1);
            }
        }

        for (int j = 0; j < p; j++)
        {
            for (int k = j + 1; k < p; k++) information[j * p + k] = information[k * p + j];
        }

        return loglik;
    }

    private double Eta(int r, ReadOnlySpan<double> beta)
    {
        double eta = 0;
        for (int j = 0; j < _p; j++) eta += _x[r * _p + j] * beta[j];
        return eta;
    }

    private void AddWeighted(double[] sum1, double[] sum2, ReadOnlySpan<double> x, double w)
    {
        for (int j = 0; j < _p; j++)
        {
            sum1[j] += w * x[j];
            for (int k = 0; k <= j; k++) sum2[j * _p + k] += w * x[j] * x[k];
        }
    }

    /// <summary>U −= m·a/s; I += m·(S₂/s − (a/s)(a/s)ᵀ) on the lower triangle (S₂ term skipped when <paramref name="sum2"/> is null).</summary>
    private void Subtract(Span<double> score, Span<double> information, double s, double[] sum1, double[]? sum2, int multiplicity)
    {
        for (int j = 0; j < _p; j++)
        {
            double mj = sum1[j] / s;
            score[j] -= multiplicity * mj;
            for (int k = 0; k <= j; k++)
            {
                double second = sum2 is null ? 0 : sum2[j * _p + k] / s;
                information[j * _p + k] += multiplicity * (second - mj * sum1[k] / s);
            }
        }
    }
}
