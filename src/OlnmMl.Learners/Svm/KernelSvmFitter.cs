namespace OlnmMl.Learners.Svm;

/// <summary>
/// Fits a C-SVC on a dense matrix: SMO (<see cref="SmoSolver"/>) for the dual, then, when requested, Platt scaling
/// on decision values from a seeded k-fold cross-validation (libsvm's <c>svm_binary_svc_probability</c>).
/// The probability is always increasing in the decision value (Platt A &lt; 0): on small training sets the
/// cross-validated decision values can rank the rows backwards (each held-out fold leaves its own class
/// under-represented), and a sigmoid fitted to them would invert the ranking. Then Platt is refitted on the
/// full model's in-sample decision values, and if even those give A ≥ 0, P = 1 / (1 + exp(−f)) is used.
/// </summary>
public static class KernelSvmFitter
{
    /// <summary>Fits on row-major <paramref name="x"/> (n × d) with Boolean labels (true = positive).</summary>
    /// <exception cref="ArgumentException">When shapes disagree, values are not finite, only one class is present or there are fewer rows than folds.</exception>
    public static KernelSvmModelParameters Fit(ReadOnlySpan<double> x, ReadOnlySpan<bool> labels, int featureCount,
        IReadOnlyList<string> slotNames, KernelSvmOptions options)
    {
        options.Validate();
        var n = labels.Length;
        if (featureCount < 1 || x.Length != n * featureCount)
            throw new ArgumentException($"Feature matrix has {x.Length} values; expected {n} rows × {featureCount} features.", nameof(x));
        for (int i = 0; i < x.Length; i++)
            if (!double.IsFinite(x[i]))
                throw new ArgumentException($"Feature '{slotNames[i % featureCount]}' of row {i / featureCount} is {x[i]}; the SVM needs finite values.", nameof(x));
        int positives = 0;
        foreach (var l in labels) if (l) positives++;
        if (positives == 0 || positives == n)
            throw new ArgumentException($"Label column has only one class ({(positives == 0 ? "false" : "true")}) in {n} rows; the SVM needs both.", nameof(labels));

        var gamma = options.Gamma.Resolve(x, n, featureCount);
        var kernel = new Kernel(options.Kernel, gamma, options.Degree, options.Coef0);
        var (wPos, wNeg) = options.BalancedClassWeights
            ? (n / (2.0 * positives), n / (2.0 * (n - positives)))
            : (options.PositiveClassWeight, options.NegativeClassWeight);
        var cPos = options.C * wPos;
        var cNeg = options.C * wNeg;

        var xs = x.ToArray();
        var ls = labels.ToArray();
        var (coef, svIndex, bias) = SolveDual(xs, ls, featureCount, kernel, cPos, cNeg, options);

        double a = double.NaN, b = double.NaN;
        if (options.Probability)
        {
            if (n < options.ProbabilityFolds)
                throw new ArgumentException($"{n} rows are fewer than the {options.ProbabilityFolds} Platt cross-validation folds (option ProbabilityFolds).", nameof(labels));
            var decisions = CrossValidatedDecisions(xs, ls, featureCount, kernel, cPos, cNeg, options);
            (a, b) = PlattScaling.Fit(decisions, ls);
            if (!(a < 0))
            {
                (a, b) = PlattScaling.Fit(InSampleDecisions(xs, featureCount, kernel, coef, svIndex, bias), ls);
            }

            if (!(a < 0))
            {
                (a, b) = (-1, 0);
            }
        }

        var sv = new double[svIndex.Length * featureCount];
        for (int s = 0; s < svIndex.Length; s++)
            xs.AsSpan(svIndex[s] * featureCount, featureCount).CopyTo(sv.AsSpan(s * featureCount));
        return new KernelSvmModelParameters(sv, coef, svIndex, featureCount, bias, kernel, a, b, slotNames);
    }

    private static (double[] Coef, int[] SvIndex, double Bias) SolveDual(double[] x, bool[] labels, int d, Kernel kernel,
        double cPos, double cNeg, KernelSvmOptions options)
    {
        var n = labels.Length;
        var y = new sbyte[n];
        var upper = new double[n];
        for (int i = 0; i < n; i++)
        {
            y[i] = labels[i] ? (sbyte)1 : (sbyte)-1;
            upper[i] = labels[i] ? cPos : cNeg;
        }
        var problem = new SvmProblem(x, n, d, y, kernel, (long)(options.CacheSizeMegabytes * 1024 * 1024));
        var solver = new SmoSolver(problem, upper, options.Tolerance, options.Shrinking);
        var (alpha, rho) = solver.Solve(options.MaxIterations);

        var count = 0;
        foreach (var al in alpha) if (al > 0) count++;
        var coef = new double[count];
        var index = new int[count];
        for (int i = 0, s = 0; i < n; i++)
        {
            if (alpha[i] <= 0) continue;
            coef[s] = alpha[i] * y[i];
            index[s++] = i;
        }
        return (coef, index, -rho);
    }

    /// <summary>Decision values f(x_i) of every training row under the full model.</summary>
    private static double[] InSampleDecisions(double[] x, int d, Kernel kernel, double[] coef, int[] svIndex, double bias)
    {
        var n = x.Length / d;
        var decisions = new double[n];
        for (int i = 0; i < n; i++)
        {
            var row = x.AsSpan(i * d, d);
            var f = bias;
            for (int s = 0; s < coef.Length; s++)
                f += coef[s] * kernel.Evaluate(x.AsSpan(svIndex[s] * d, d), row);
            decisions[i] = f;
        }
        return decisions;
    }

    /// <summary>Decision values of each row from the model trained without its fold; folds from a seeded permutation.</summary>
    private static double[] CrossValidatedDecisions(double[] x, bool[] labels, int d, Kernel kernel, double cPos, double cNeg,
        KernelSvmOptions options)
    {
        var n = labels.Length;
        var folds = options.ProbabilityFolds;
        var perm = new int[n];
        for (int i = 0; i < n; i++) perm[i] = i;
        var rng = new Random(options.Seed);
        for (int i = 0; i < n; i++)
        {
            var j = i + rng.Next(n - i);
            (perm[i], perm[j]) = (perm[j], perm[i]);
        }

        var decisions = new double[n];
        Parallel.For(0, folds, fold =>
        {
            var begin = fold * n / folds;
            var end = (fold + 1) * n / folds;
            var trainCount = n - (end - begin);
            var tx = new double[trainCount * d];
            var ty = new bool[trainCount];
            int k = 0, pos = 0;
            for (int p = 0; p < n; p++)
            {
                if (p >= begin && p < end) continue;
                var row = perm[p];
                x.AsSpan(row * d, d).CopyTo(tx.AsSpan(k * d));
                ty[k] = labels[row];
                if (ty[k]) pos++;
                k++;
            }

            if (pos == 0 || pos == trainCount)
            {
                // libsvm: a training fold with one class predicts that class with decision value ±1.
                for (int p = begin; p < end; p++) decisions[perm[p]] = pos == 0 ? -1 : 1;
                return;
            }

            var (coef, svIndex, bias) = SolveDual(tx, ty, d, kernel, cPos, cNeg, options);
            for (int p = begin; p < end; p++)
            {
                var row = x.AsSpan(perm[p] * d, d);
                var f = bias;
                for (int s = 0; s < coef.Length; s++)
                    f += coef[s] * kernel.Evaluate(tx.AsSpan(svIndex[s] * d, d), row);
                decisions[perm[p]] = f;
            }
        });
        return decisions;
    }
}
