namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Options of <see cref="LbfgsLogisticStep"/> (ML.NET's L-BFGS logistic regression), named as in ML.NET; YAML
/// <c>lbfgs-logistic: {l2_regularization: 1, l1_regularization: 0}</c>. The fit minimises
/// −Σᵢ log p(yᵢ | xᵢ) + λ₁‖w‖₁ + (λ₂/2)‖w‖₂² (bias unpenalised). The defaults are ML.NET's.
/// </summary>
public sealed class LbfgsLogisticOptions
{
    /// <summary>λ₂, the L2 (ridge) weight.</summary>
    public double L2Regularization { get; set; } = 1;

    /// <summary>λ₁, the L1 (lasso) weight.</summary>
    public double L1Regularization { get; set; } = 1;

    /// <summary>Checks the values.</summary>
    /// <exception cref="ArgumentException">A weight is negative or not finite.</exception>
    public void Validate()
    {
        if (!(L2Regularization >= 0 && double.IsFinite(L2Regularization)) || !(L1Regularization >= 0 && double.IsFinite(L1Regularization)))
            throw new ArgumentException($"l2_regularization ({L2Regularization}) and l1_regularization ({L1Regularization}) must be finite and ≥ 0.");
    }
}
