namespace OlnmMl.Evaluation.Survival;

/// <summary>A k-group log-rank test (see <see cref="LogRank.Test"/>), as R's <c>survdiff(..., rho = 0)</c>.</summary>
/// <param name="Cases">Cases per group.</param>
/// <param name="Observed">Observed events per group (Oₘ).</param>
/// <param name="Expected">Expected events per group under equal hazards (Eₘ).</param>
/// <param name="Variance">Covariance matrix of O − E (k × k).</param>
/// <param name="ChiSquare">(O − E)ᵀ V⁻¹ (O − E) over the groups with Eₘ &gt; 0, the first of them left out.</param>
/// <param name="DegreesOfFreedom">Groups with Eₘ &gt; 0, minus one.</param>
/// <param name="PValue">P(χ²_df ≥ <paramref name="ChiSquare"/>); NaN when df = 0.</param>
public sealed record LogRankTest(
    int[] Cases,
    double[] Observed,
    double[] Expected,
    double[][] Variance,
    double ChiSquare,
    int DegreesOfFreedom,
    double PValue);
