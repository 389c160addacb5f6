using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The synthetic truth of the PET/CT study: one ordinal (cumulative-logit, proportional-odds) model of the nodal stage,
/// logit P(stage ≥ N1) = α₁ + η + shift_centre and logit P(stage ≥ N2) = α₂ + η + shift_centre, with
/// η = ln 0.967·(age − 60) + ln 2.525·solid + ln 1.512·left + ln 1.743·central (inner third)
/// + ln 1.4·(diameter_cm − 1.6) + 2.0·(spiculation − ½) + 1.5·(heterogeneity − ½) + 0.8·peritumoral + 1.5·metabolic.
/// The clinical odds ratios are the PET/CT study's multivariable ones for N1 (age, pure solid, left, central); the
/// image factors are seen on the CT, the metabolic score only on the PET (through the tumour SUV). α₁ and α₂ put the
/// source population near the published internal cohort: ≈ 11.6 % N1 and ≈ 8.4 % N2. The targets of a case follow
/// from its stage: pN+ = N1 or N2, n1 = N1 (N2 counts as 0), n2 = N2.
/// </summary>
public static class NodalStageModel
{
    /// <summary>Intercept α₁ of logit P(stage ≥ N1).</summary>
    public const double InterceptN1 = -3.1;

    /// <summary>Intercept α₂ of logit P(stage ≥ N2).</summary>
    public const double InterceptN2 = -4.55;

    /// <summary>The linear predictor η of <paramref name="patient"/> (shared by both cumulative logits).</summary>
    public static double LinearPredictor(PetCtPatient patient)
    {
        var ct = patient.Ct;
        return Math.Log(0.967) * (ct.Age - 60)
            + (ct.Density == Density.Solid ? Math.Log(2.525) : 0)
            + (patient.LeftSide ? Math.Log(1.512) : 0)
            + (ct.Location == NoduleLocation.Inner ? Math.Log(1.743) : 0)
            + Math.Log(1.4) * (ct.DiameterCm - 1.6)
            + 2.0 * (ct.Spiculation - 0.5)
            + 1.5 * (ct.Heterogeneity - 0.5)
            + 0.8 * ct.Peritumoral
            + 1.5 * patient.Metabolic;
    }

    /// <summary>P(stage ≥ <paramref name="stage"/>) of <paramref name="patient"/> at a centre with <paramref name="centreShift"/> (1 for N0).</summary>
    public static double ProbabilityAtLeast(NodalStage stage, PetCtPatient patient, double centreShift = 0) => stage switch
    {
        NodalStage.N0 => 1,
        NodalStage.N1 => Logistic(InterceptN1 + LinearPredictor(patient) + centreShift),
        _ => Logistic(InterceptN2 + LinearPredictor(patient) + centreShift),
    };

    /// <summary>Draws the stage of <paramref name="patient"/> from the model with one uniform draw.</summary>
    public static NodalStage Sample(PetCtPatient patient, CaseRandom random, double centreShift = 0)
    {
        var u = random.NextDouble();
        return u < ProbabilityAtLeast(NodalStage.N2, patient, centreShift) ? NodalStage.N2
            : u < ProbabilityAtLeast(NodalStage.N1, patient, centreShift) ? NodalStage.N1
            : NodalStage.N0;
    }

    /// <summary>
    /// Draws a patient of the centre's population and its stage from the model until the stage equals
    /// <paramref name="stage"/>: rejection sampling from P(patient | stage), which keeps the model's conditional odds
    /// ratios in cohorts with fixed stage counts (outcome-dependent sampling).
    /// </summary>
    public static PetCtPatient SampleGiven(NodalStage stage, CentreProfile centre, CaseRandom random)
    {
        while (true)
        {
            var patient = PetCtPatient.Sample(random);
            if (Sample(patient, random, centre.LogitShift) == stage)
            {
                return patient;
            }
        }
    }

    private static double Logistic(double logit) => 1 / (1 + Math.Exp(-logit));
}
