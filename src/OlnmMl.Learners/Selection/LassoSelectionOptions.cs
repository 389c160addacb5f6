using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>How the cross-validated λ is chosen.</summary>
public enum LambdaRule
{
    /// <summary>The λ of smallest mean held-out binomial deviance.</summary>
    Minimum,

    /// <summary>The largest λ whose mean deviance is within one standard error of the minimum.</summary>
    OneStandardError,
}

/// <summary>
/// Keeps the features with non-zero coefficients of an L1-penalised logistic regression
/// (<see cref="LassoLogisticPath"/>) at a λ chosen by stratified k-fold cross-validation of the binomial deviance
/// −2 Σ [y log p + (1 − y) log(1 − p)] over a log-spaced path from λ_max to λ_max · <see cref="MinLambdaRatio"/>.
/// Scores are |β| on z-scored features at the chosen λ.
/// </summary>
public sealed class LassoSelectionOptions : FeatureSelectionOptions
{
    /// <summary>Cross-validation folds.</summary>
    public int Folds { get; set; } = 5;

    /// <summary>Number of λ values on the path.</summary>
    public int PathLength { get; set; } = 50;

    /// <summary>λ_min / λ_max.</summary>
    public double MinLambdaRatio { get; set; } = 0.01;

    /// <summary>The λ rule.</summary>
    public LambdaRule Rule { get; set; } = LambdaRule.Minimum;

    /// <summary>Convergence tolerance on max_j v_j Δβ_j².</summary>
    public double Tolerance { get; set; } = 1e-7;

    /// <summary>Seed of the fold assignment.</summary>
    public int Seed { get; set; }

    /// <inheritdoc />
    public override string MethodName => "lasso";

    /// <summary>The λ chosen at the last fit (for reports); NaN before fitting.</summary>
    public double ChosenLambda { get; private set; } = double.NaN;

    internal override void Validate()
    {
        if (Folds < 2) throw new ArgumentOutOfRangeException(nameof(Folds), Folds, "LASSO cross-validation needs ≥ 2 folds.");
        if (PathLength < 2) throw new ArgumentOutOfRangeException(nameof(PathLength), PathLength, "Must be ≥ 2.");
        if (!(MinLambdaRatio > 0 && MinLambdaRatio < 1)) throw new ArgumentOutOfRangeException(nameof(MinLambdaRatio), MinLambdaRatio, "Must be in (0, 1).");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var y = train.RequireLabels();
        var n = train.Rows;
        if (n < Folds) throw new ArgumentException($"{n} training rows are fewer than the {Folds} LASSO folds (option Folds).", nameof(train));
        var all = Enumerable.Range(0, n).ToArray();
        var lambdaMax = LassoLogisticPath.LambdaMax(train.Values, train.Features, all, y);
        if (lambdaMax == 0) throw new InvalidOperationException("LASSO: no feature is associated with the label (λ_max = 0, e.g. all features constant).");
        var lambdas = Enumerable.Range(0, PathLength)
            .Select(k => lambdaMax * Math.Pow(MinLambdaRatio, k / (PathLength - 1.0))).ToArray();

        var fold = StratifiedFolds(y, Folds, Seed);
        var deviance = new double[Folds, PathLength];
        Parallel.For(0, Folds, f =>
        {
            var fitRows = all.Where(i => fold[i] != f).ToArray();
            var path = LassoLogisticPath.Fit(train.Values, train.Features, fitRows, y, lambdas, Tolerance, 1000);
            var held = all.Where(i => fold[i] == f).ToArray();
            for (int l = 0; l < PathLength; l++)
            {
                double dev = 0;
                foreach (var i in held)
                {
                    var p = 1 / (1 + Math.Exp(-path.LinearPredictor(l, train.Row(i))));
                    p = Math.Clamp(p, 1e-10, 1 - 1e-10);
                    dev += -2 * (y[i] ? Math.Log(p) : Math.Log(1 - p));
                }
                deviance[f, l] = dev / held.Length;
            }
        });

        var chosen = ChooseLambda(deviance);
        ChosenLambda = lambdas[chosen];
        var full = LassoLogisticPath.Fit(train.Values, train.Features, all, y, lambdas[..(chosen + 1)], Tolerance, 1000);
        var beta = full.Coefficients[chosen];
        var scores = beta.Select(Math.Abs).ToArray();
        var kept = FeatureRanking.Where(scores, s => s > 0);
        return new FeatureSelectionResult(FeatureRanking.RequireAny(kept, MethodName, $"λ = {ChosenLambda:G4}"), scores);
    }

    private int ChooseLambda(double[,] deviance)
    {
        var mean = new double[PathLength];
        var se = new double[PathLength];
        for (int l = 0; l < PathLength; l++)
        {
            double s = 0, ss = 0;
            for (int f = 0; f < Folds; f++) { s += deviance[f, l]; ss += deviance[f, l] * deviance[f, l]; }
            mean[l] = s / Folds;
            se[l] = Math.Sqrt(Math.Max(ss / Folds - mean[l] * mean[l], 0) / (Folds - 1));
        }
        var best = 0;
        for (int l = 1; l < PathLength; l++) if (mean[l] < mean[best]) best = l;
        if (Rule == LambdaRule.Minimum) return best;
        for (int l = 0; l < best; l++) if (mean[l] <= mean[best] + se[best]) return l;
        return best;
    }

    /// <summary>Fold of each row: each class shuffled with the seed and dealt round-robin.</summary>
    internal static int[] StratifiedFolds(bool[] y, int folds, int seed)
    {
        var rng = new Random(seed);
        var fold = new int[y.Length];
        foreach (var cls in new[] { true, false })
        {
            var idx = Enumerable.Range(0, y.Length).Where(i => y[i] == cls).ToArray();
            rng.Shuffle(idx);
            for (int k = 0; k < idx.Length; k++) fold[idx[k]] = k % folds;
        }
        return fold;
    }
}
