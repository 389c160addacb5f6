namespace OlnmMl.Learners.Svm;

/// <summary>The kernel k(x, z) of a <see cref="KernelSvmTrainer"/>; formulas as in libsvm.</summary>
public enum KernelType
{
    /// <summary>k(x, z) = x·z.</summary>
    Linear = 0,

    /// <summary>k(x, z) = (γ x·z + coef0)^degree.</summary>
    Polynomial = 1,

    /// <summary>k(x, z) = exp(−γ ‖x − z‖²).</summary>
    Rbf = 2,

    /// <summary>k(x, z) = tanh(γ x·z + coef0).</summary>
    Sigmoid = 3,
}
