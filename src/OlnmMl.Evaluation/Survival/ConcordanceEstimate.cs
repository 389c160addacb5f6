namespace OlnmMl.Evaluation.Survival;

/// <summary>Harrell's concordance (see <see cref="Concordance.Harrell"/>), as R's <c>concordance</c> in <c>summary(coxph)</c>.</summary>
/// <param name="Value">C = (concordant + tied-risk/2)/(concordant + discordant + tied-risk).</param>
/// <param name="StdErr">Infinitesimal-jackknife standard error (R's <c>std</c>).</param>
/// <param name="Concordant">Comparable pairs where the case with the earlier event has the higher risk.</param>
/// <param name="Discordant">Comparable pairs where it has the lower risk.</param>
/// <param name="TiedRisk">Comparable pairs with equal risk.</param>
/// <param name="TiedTime">Pairs with events at the same time and different risk (not comparable).</param>
/// <param name="TiedRiskAndTime">Pairs with events at the same time and equal risk (not comparable).</param>
public sealed record ConcordanceEstimate(
    double Value,
    double StdErr,
    long Concordant,
    long Discordant,
    long TiedRisk,
    long TiedTime,
    long TiedRiskAndTime);
