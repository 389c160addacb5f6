using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// Follow-up of a synthetic PET/CT patient: recurrence time T ~ exponential with hazard λ₀·HR(stage), λ₀ = −ln(0.85)/60
/// per month (15 % of N0 patients recur within 5 years), HR = 1 (N0), 2 (N1), 3.5 (N2); loss to follow-up
/// L ~ U(0, <see cref="LossHorizonMonths"/>) and administrative censoring at <see cref="FollowUpMonths"/>. The manifest
/// gets time = min(T, L, 60) in months (two decimals) and event = T ≤ min(L, 60).
/// </summary>
public static class RecurrenceModel
{
    /// <summary>End of follow-up (months): administrative censoring.</summary>
    public const double FollowUpMonths = 60;

    /// <summary>Loss to follow-up is uniform on [0, this] months (≈ 20 % lost before 60 months).</summary>
    public const double LossHorizonMonths = 300;

    /// <summary>Five-year recurrence of N0 patients without censoring.</summary>
    public const double BaselineFiveYearRecurrence = 0.15;

    /// <summary>Hazard ratio of <paramref name="stage"/> against N0.</summary>
    public static double HazardRatio(NodalStage stage) => stage switch
    {
        NodalStage.N0 => 1,
        NodalStage.N1 => 2,
        _ => 3.5,
    };

    /// <summary>Recurrence hazard per month of <paramref name="stage"/>.</summary>
    public static double Hazard(NodalStage stage) => -Math.Log(1 - BaselineFiveYearRecurrence) / FollowUpMonths * HazardRatio(stage);

    /// <summary>Draws the follow-up of a patient of <paramref name="stage"/> (two uniform draws: recurrence, then loss).</summary>
    public static FollowUp Sample(NodalStage stage, CaseRandom random)
    {
        var recurrence = -Math.Log(1 - random.NextDouble()) / Hazard(stage);
        var end = Math.Min(FollowUpMonths, random.Uniform(0, LossHorizonMonths));
        return recurrence <= end ? new FollowUp(Math.Round(recurrence, 2), true) : new FollowUp(Math.Round(end, 2), false);
    }
}
