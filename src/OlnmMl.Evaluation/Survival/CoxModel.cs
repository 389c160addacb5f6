namespace OlnmMl.Evaluation.Survival;

/// <summary>A fitted Cox proportional-hazards model (see <see cref="CoxRegression.Fit"/>), as R's <c>summary(coxph)</c>.</summary>
/// <param name="Cases">Number of cases.</param>
/// <param name="Events">Number of events.</param>
/// <param name="Ties">Tie handling of the partial likelihood.</param>
/// <param name="ConfidenceLevel">Level of the hazard-ratio intervals.</param>
/// <param name="Coefficients">One row per covariate, in the order given.</param>
/// <param name="Covariance">I(β̂)⁻¹, p × p.</param>
/// <param name="LogLikelihoodNull">ℓ(0).</param>
/// <param name="LogLikelihood">ℓ(β̂).</param>
/// <param name="Iterations">Newton–Raphson iterations (R's <c>iter</c>).</param>
/// <param name="LikelihoodRatio">2(ℓ(β̂) − ℓ(0)) on p df.</param>
/// <param name="Wald">β̂ᵀ I(β̂) β̂ on p df.</param>
/// <param name="Score">U(0)ᵀ I(0)⁻¹ U(0) on p df (the log-rank test for one binary covariate with Breslow ties).</param>
/// <param name="Concordance">Harrell's C of the linear predictor.</param>
/// <param name="Warnings">Covariates whose coefficient may be infinite (monotone likelihood), one sentence each; empty when none.</param>
public sealed record CoxModel(
    int Cases,
    int Events,
    CoxTies Ties,
    double ConfidenceLevel,
    IReadOnlyList<CoxCoefficient> Coefficients,
    double[][] Covariance,
    double LogLikelihoodNull,
    double LogLikelihood,
    int Iterations,
    ChiSquareTest LikelihoodRatio,
    ChiSquareTest Wald,
    ChiSquareTest Score,
    ConcordanceEstimate Concordance,
    IReadOnlyList<string> Warnings);
