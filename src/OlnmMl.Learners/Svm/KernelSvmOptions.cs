namespace OlnmMl.Learners.Svm;

/// <summary>Options of <see cref="KernelSvmTrainer"/> (C-SVC; defaults as libsvm / scikit-learn's SVC).</summary>
public sealed class KernelSvmOptions
{
    /// <summary>Name of the feature column (a known-size vector of Single).</summary>
    public string FeatureColumnName { get; set; } = "Features";

    /// <summary>Name of the label column (Boolean; true is the positive class).</summary>
    public string LabelColumnName { get; set; } = "Label";

    /// <summary>Kernel family.</summary>
    public KernelType Kernel { get; set; } = KernelType.Rbf;

    /// <summary>Kernel coefficient γ; default <see cref="SvmGamma.Scale"/>.</summary>
    public SvmGamma Gamma { get; set; } = SvmGamma.Scale;

    /// <summary>Polynomial degree.</summary>
    public int Degree { get; set; } = 3;

    /// <summary>Constant term of the polynomial and sigmoid kernels.</summary>
    public double Coef0 { get; set; }

    /// <summary>Box constraint C &gt; 0.</summary>
    public double C { get; set; } = 1.0;

    /// <summary>Weight multiplying C for positive rows (C₊ = C · w₊).</summary>
    public double PositiveClassWeight { get; set; } = 1.0;

    /// <summary>Weight multiplying C for negative rows (C₋ = C · w₋).</summary>
    public double NegativeClassWeight { get; set; } = 1.0;

    /// <summary>When true, class weights are n / (2 n_c) (scikit-learn's "balanced"), overriding the explicit weights.</summary>
    public bool BalancedClassWeights { get; set; }

    /// <summary>Stopping tolerance ε on the maximal KKT violation.</summary>
    public double Tolerance { get; set; } = 1e-3;

    /// <summary>Whether to shrink the active set.</summary>
    public bool Shrinking { get; set; } = true;

    /// <summary>Kernel cache size in megabytes.</summary>
    public double CacheSizeMegabytes { get; set; } = 200;

    /// <summary>Upper limit on SMO iterations.</summary>
    public int MaxIterations { get; set; } = 10_000_000;

    /// <summary>Whether to fit Platt probabilities on internal cross-validated decision values.</summary>
    public bool Probability { get; set; } = true;

    /// <summary>Folds of the internal cross-validation used for Platt scaling (libsvm uses 5).</summary>
    public int ProbabilityFolds { get; set; } = 5;

    /// <summary>Seed of the fold assignment; the fit is a deterministic function of data, options and seed.</summary>
    public int Seed { get; set; }

    /// <summary>Throws when an option is out of range, naming it.</summary>
    /// <exception cref="ArgumentOutOfRangeException">When an option is out of range.</exception>
    public void Validate()
    {
        if (!double.IsFinite(C) || C <= 0) throw new ArgumentOutOfRangeException(nameof(C), C, "SVM C must be a finite number > 0.");
        if (!double.IsFinite(PositiveClassWeight) || PositiveClassWeight <= 0)
            throw new ArgumentOutOfRangeException(nameof(PositiveClassWeight), PositiveClassWeight, "Class weight must be > 0.");
        if (!double.IsFinite(NegativeClassWeight) || NegativeClassWeight <= 0)
            throw new ArgumentOutOfRangeException(nameof(NegativeClassWeight), NegativeClassWeight, "Class weight must be > 0.");
        if (!(Tolerance > 0)) throw new ArgumentOutOfRangeException(nameof(Tolerance), Tolerance, "SVM tolerance must be > 0.");
        if (Degree < 1) throw new ArgumentOutOfRangeException(nameof(Degree), Degree, "Polynomial degree must be ≥ 1.");
        if (ProbabilityFolds < 2) throw new ArgumentOutOfRangeException(nameof(ProbabilityFolds), ProbabilityFolds, "Platt cross-validation needs ≥ 2 folds.");
        if (MaxIterations < 1) throw new ArgumentOutOfRangeException(nameof(MaxIterations), MaxIterations, "Must be ≥ 1.");
        if (!(CacheSizeMegabytes > 0)) throw new ArgumentOutOfRangeException(nameof(CacheSizeMegabytes), CacheSizeMegabytes, "Must be > 0.");
    }
}
