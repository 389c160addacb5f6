using OlnmMl.Evaluation.Distributions;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.Evaluation.Survival;

/// <summary>
/// Cox proportional-hazards regression by Newton–Raphson on the partial likelihood (<see cref="CoxPartialLikelihood"/>),
/// step for step as R's <c>coxph</c> (<c>coxfit6</c>): from β = 0, β ← β + I(β)⁻¹U(β); a step that lowers ℓ is halved;
/// converged when |1 − ℓ_old/ℓ_new| ≤ 1e-9 after a full step, at most 20 iterations by default. SE = √diag I(β̂)⁻¹,
/// HR = exp(β̂) with CI exp(β̂ ± z·SE), Wald z = β̂/SE. Global tests: likelihood ratio 2(ℓ(β̂) − ℓ(0)),
/// Wald β̂ᵀI(β̂)β̂, score U(0)ᵀI(0)⁻¹U(0), each on p df. A coefficient is reported as possibly infinite (R's rule)
/// when |[U(β̂)ᵀI(β̂)⁻¹]ⱼ| &gt; 1e-9 and &gt; √1e-9·|β̂ⱼ|.
/// </summary>
public static class CoxRegression
{
    /// <summary>R's <c>coxph.control()$eps</c>.</summary>
    public const double Tolerance = 1e-9;

    /// <summary>R's <c>coxph.control()$iter.max</c>.</summary>
    public const int DefaultMaxIterations = 20;

    private static readonly double InfiniteTolerance = Math.Sqrt(Tolerance);

    /// <summary>Fits the model.</summary>
    /// <param name="time">Follow-up time per case (finite, ≥ 0).</param>
    /// <param name="events">Per case: true = event, false = censored.</param>
    /// <param name="covariates">One array per covariate, one value per case.</param>
    /// <param name="names">One name per covariate (used in messages and results).</param>
    /// <param name="ties">Efron (R's default) or Breslow.</param>
    /// <param name="confidenceLevel">Level of the hazard-ratio intervals, in (0, 1).</param>
    /// <param name="maxIterations">Newton–Raphson iterations allowed (R's <c>iter.max</c>), ≥ 1.</param>
    /// <exception cref="ArgumentException">No covariates, lengths that differ, or a level outside (0, 1).</exception>
    /// <exception cref="OlnmUserException">
    /// A negative or non-finite time; no event; a non-finite or constant covariate (named); collinear covariates;
    /// no convergence within <paramref name="maxIterations"/> iterations.
    /// </exception>
    public static CoxModel Fit(
        ReadOnlySpan<double> time,
        ReadOnlySpan<bool> events,
        IReadOnlyList<double[]> covariates,
        IReadOnlyList<string> names,
        CoxTies ties = CoxTies.Efron,
        double confidenceLevel = 0.95,
        int maxIterations = DefaultMaxIterations)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxIterations, 1);
        ArgumentNullException.ThrowIfNull(covariates);
        ArgumentNullException.ThrowIfNull(names);
        double z = DeLong.CriticalValue(confidenceLevel);
        int eventCount = SurvivalInput.Validate(time, events);
        int p = covariates.Count;
        if (p == 0) throw new ArgumentException("At least one covariate is required.", nameof(covariates));
        if (names.Count != p) throw new ArgumentException($"{p} covariates but {names.Count} names; one name per covariate is expected.", nameof(names));
        for (int j = 0; j < p; j++) RequireUsable(covariates[j], names[j], time.Length);

        var likelihood = new CoxPartialLikelihood(time, events, covariates, ties);
        var beta = new double[p];
        var score = new double[p];
        var information = new double[p * p];
        double nullLoglik = likelihood.Evaluate(beta, score, information);
        var step = (double[])score.Clone();
        Factor(information, p, names);
        Cholesky.Solve(information, p, step);
        double scoreTest = Dot(score, step);

        double loglik = nullLoglik;
        var next = (double[])step.Clone();
        bool halving = false, converged = false;
        int iteration;
        for (iteration = 1; iteration <= maxIterations; iteration++)
        {
            double candidate = likelihood.Evaluate(next, score, information);
            Factor(information, p, names);
            if (Math.Abs(1 - loglik / candidate) <= Tolerance && !halving)
            {
                loglik = candidate;
                converged = true;
                break;
            }

            if (iteration == maxIterations) break;
            if (candidate < loglik)
            {
                halving = true;
                for (int j = 0; j < p; j++) next[j] = (next[j] + beta[j]) / 2;
                continue;
            }

            halving = false;
            loglik = candidate;
            score.CopyTo(step, 0);
            Cholesky.Solve(information, p, step);
            next.CopyTo(beta, 0);
            for (int j = 0; j < p; j++) next[j] = beta[j] + step[j];
        }

        if (!converged)
        {
            throw new OlnmUserException(
                $"the Cox model of {string.Join(", ", names)} did not converge in {maxIterations} Newton–Raphson iterations (log-likelihood {loglik:G10}); check for covariates on very different scales or separated outcomes");
        }

        return Result(time, events, names, ties, confidenceLevel, z, eventCount, likelihood, next, score, information, nullLoglik, loglik, iteration, scoreTest);
    }

    private static CoxModel Result(
        ReadOnlySpan<double> time, ReadOnlySpan<bool> events, IReadOnlyList<string> names, CoxTies ties, double confidenceLevel, double z, int eventCount,
        CoxPartialLikelihood likelihood, double[] beta, double[] score, double[] factor, double nullLoglik, double loglik, int iterations, double scoreTest)
    {
        int p = beta.Length;
        double[] inverse = Cholesky.Inverse(factor, p);
        var coefficients = new CoxCoefficient[p];
        var covariance = new double[p][];
        var warnings = new List<string>();
        for (int j = 0; j < p; j++)
        {
            covariance[j] = inverse.AsSpan(j * p, p).ToArray();
            double se = Math.Sqrt(inverse[j * p + j]);
            double b = beta[j];
            coefficients[j] = new CoxCoefficient(names[j], b, se, Math.Exp(b), Math.Exp(b - z * se), Math.Exp(b + z * se), b / se, Normal.TwoSidedP(b / se));
            double remaining = 0;
            for (int k = 0; k < p; k++) remaining += score[k] * inverse[k * p + j];
            if (Math.Abs(remaining) > Tolerance && Math.Abs(remaining) > InfiniteTolerance * Math.Abs(b))
            {
                warnings.Add($"covariate '{names[j]}': the log-likelihood converged while its coefficient ({b:G6}) was still moving (monotone likelihood, e.g. a covariate that separates events from censorings); the coefficient may be infinite");
            }
        }

        var systematic = new double[p];
        for (int j = 0; j < p; j++)
        {
            for (int k = 0; k < p; k++) systematic[j] += Information(factor, p, j, k) * beta[k];
        }

        double wald = Dot(beta, systematic);
        double lr = 2 * (loglik - nullLoglik);
        var concordance = Concordance.Harrell(time, events, likelihood.LinearPredictor(beta));
        return new CoxModel(
            time.Length, eventCount, ties, confidenceLevel, coefficients, covariance, nullLoglik, loglik, iterations,
            Test(lr, p), Test(wald, p), Test(scoreTest, p), concordance, warnings);
    }

    /// <summary>Iᵢⱼ = Σₖ LᵢₖLⱼₖ from the Cholesky factor.</summary>
    private static double Information(double[] factor, int p, int i, int j)
    {
        double sum = 0;
        for (int k = 0; k <= Math.Min(i, j); k++) sum += factor[i * p + k] * factor[j * p + k];
        return sum;
    }

    private static ChiSquareTest Test(double statistic, int df) => new(statistic, df, ChiSquare.UpperTail(statistic, df));

    private static double Dot(double[] a, double[] b)
    {
        double sum = 0;
        for (int j = 0; j < a.Length; j++) sum += a[j] * b[j];
        return sum;
    }

    private static void Factor(double[] information, int p, IReadOnlyList<string> names)
    {
        if (!Cholesky.Decompose(information, p))
        {
            throw new OlnmUserException(
                $"the Cox information matrix of {string.Join(", ", names)} is singular: some covariates are collinear (one is a combination of the others); drop one");
        }
    }

    private static void RequireUsable(double[] values, string name, int cases)
    {
        ArgumentNullException.ThrowIfNull(values);
        CaseSet.RequireSameLength(values.Length, cases, name, "time");
        for (int i = 0; i < values.Length; i++)
        {
            if (!double.IsFinite(values[i])) throw new OlnmUserException($"covariate '{name}' of case {i} is {values[i]}; expected a finite number");
        }

        for (int i = 1; i < values.Length; i++)
        {
            if (values[i] != values[0]) return;
        }

        throw new OlnmUserException($"covariate '{name}' is constant (every case has {values[0]}); a constant has no hazard ratio, drop it");
    }
}
