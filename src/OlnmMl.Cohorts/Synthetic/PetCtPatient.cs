using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The generative truth of one synthetic PET/CT patient: the CT patient (<see cref="SyntheticPatient"/>: clinical
/// variables, morphology, peritumoral score), the side of the nodule, and a standard-normal metabolic score that only
/// the PET shows (through <see cref="TumourSuv"/>).
/// </summary>
/// <param name="Ct">Clinical variables and nodule morphology, as rendered on the CT.</param>
/// <param name="LeftSide">True for a nodule in the left lung.</param>
/// <param name="Metabolic">Standard-normal metabolic activity score of the tumour (glycolytic phenotype).</param>
public sealed record PetCtPatient(SyntheticPatient Ct, bool LeftSide, double Metabolic)
{
    /// <summary>Share of left-sided nodules in the source population (lung cancer is slightly more common on the right).</summary>
    public const double LeftShare = 0.42;

    /// <summary>The manifest column (a clinical extra, <see cref="ClinicalVariables.Extra"/>) holding the side: <c>left</c> or <c>right</c>.</summary>
    public const string SideColumn = "side";

    /// <summary>
    /// Mean SUV of the solid tumour tissue before partial-volume loss, blur and noise:
    /// exp(ln 3.8 + 0.7·metabolic + 0.35·solid + 0.3·(diameter_cm − 1.6)). Ground glass takes up little FDG
    /// whatever the metabolic score (see <see cref="ChestPhantom"/>'s SUV rendering).
    /// </summary>
    public double TumourSuv =>
        Math.Exp(Math.Log(3.8) + 0.7 * Metabolic + (Ct.Density == Density.Solid ? 0.35 : 0) + 0.3 * (Ct.DiameterCm - 1.6));

    /// <summary>The side as the manifest writes it: <c>left</c> or <c>right</c>.</summary>
    public string Side => LeftSide ? "left" : "right";

    /// <summary>
    /// Draws a patient from the source population: the CT patient (<see cref="SyntheticPatient.Sample"/>), then the side
    /// (left with probability <see cref="LeftShare"/>) and the metabolic score N(0, 1), all independent.
    /// </summary>
    public static PetCtPatient Sample(CaseRandom random)
    {
        var ct = SyntheticPatient.Sample(random);
        var left = random.Bernoulli(LeftShare);
        return new PetCtPatient(ct, left, random.NextGaussian());
    }
}
