using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The synthetic truth of occult nodal metastasis: a logistic model
/// logit P(pN+) = β₀ + shift_centre + ln 6.0·solid + ln 1.5·(diameter_cm − 1.6) + ln 2.8·inner + ln 1.6·middle
/// + 3.5·(spiculation − ½) + 3.0·(heterogeneity − ½) + ln 0.975·(age − 60) + 0.1·male + 1.8·peritumoral,
/// with β₀ = −1.7 (population prevalence ≈ 38 %). The conditional odds ratios are chosen so that the marginal ones in the source population
/// land where the published tables put them (solid ≈ 2.5–4, ≈ 1.4 per cm, central ≈ 1.7–3; age OR 0.975/year
/// after the PET/CT study's 0.967). The peritumoral score is seen only outside the mask in the image.
/// </summary>
public static class LabelModel
{
    /// <summary>Intercept β₀.</summary>
    public const double Intercept = -1.7;

    /// <summary>The linear predictor (log-odds of pN+) of <paramref name="patient"/> at a centre with <paramref name="centreShift"/>.</summary>
    public static double Logit(SyntheticPatient patient, double centreShift = 0)
    {
        var logit = Intercept + centreShift
            + (patient.Density == Density.Solid ? Math.Log(6.0) : 0)
            + Math.Log(1.5) * (patient.DiameterCm - 1.6)
            + patient.Location switch { NoduleLocation.Inner => Math.Log(2.8), NoduleLocation.Middle => Math.Log(1.6), _ => 0 }
            + 3.5 * (patient.Spiculation - 0.5)
            + 3.0 * (patient.Heterogeneity - 0.5)
            + Math.Log(0.975) * (patient.Age - 60)
            + (patient.Sex == Sex.Male ? 0.1 : 0)
            + 1.8 * patient.Peritumoral;
        return logit;
    }

    /// <summary>P(pN+) = 1 / (1 + e^(−logit)).</summary>
    public static double Probability(SyntheticPatient patient, double centreShift = 0) => 1 / (1 + Math.Exp(-Logit(patient, centreShift)));

    /// <summary>
    /// Draws a patient of the centre's population and its label from the model, until the label equals
    /// <paramref name="label"/>: rejection sampling from P(patient | label). Outcome-dependent sampling keeps every
    /// conditional odds ratio of the model, so cohorts with the published pN+ counts still carry the model's effects.
    /// </summary>
    public static SyntheticPatient SampleGiven(int label, CentreProfile centre, CaseRandom random)
    {
        while (true)
        {
            var patient = SyntheticPatient.Sample(random);
            var positive = random.Bernoulli(Probability(patient, centre.LogitShift));
            if (positive == (label == 1))
            {
                return patient;
            }
        }
    }
}
