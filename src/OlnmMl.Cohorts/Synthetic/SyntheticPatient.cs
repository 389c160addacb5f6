using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The generative truth of one synthetic patient: clinical variables, nodule morphology and the hidden
/// peritumoral score. Only the clinical variables reach the manifest; the rest is visible in the image alone.
/// </summary>
/// <param name="Age">Age in years.</param>
/// <param name="Sex">Sex.</param>
/// <param name="DiameterCm">Largest nodule diameter (cm).</param>
/// <param name="Density">Solid or part-solid.</param>
/// <param name="SolidFraction">Solid core radius / nodule radius (1 for solid, 0.3–0.7 part-solid).</param>
/// <param name="Location">Inner / middle / outer third.</param>
/// <param name="Lobulation">Surface lobulation amplitude, 0–1.</param>
/// <param name="Spiculation">Margin spiculation, 0–1 (number and length of spicules).</param>
/// <param name="Heterogeneity">Internal texture heterogeneity, 0–1.</param>
/// <param name="Peritumoral">Standard-normal score of the peritumoral (outside-the-mask) signal.</param>
public sealed record SyntheticPatient(
    double Age,
    Sex Sex,
    double DiameterCm,
    Density Density,
    double SolidFraction,
    NoduleLocation Location,
    double Lobulation,
    double Spiculation,
    double Heterogeneity,
    double Peritumoral)
{
    /// <summary>
    /// Draws a patient from the source population (cT1 nodules, as in the fusion study's table 1): age
    /// N(60, 9.5) in [30, 85]; 45 % male; diameter N(1.6, 0.42) cm in [0.6, 3.0]; 80 % solid (part-solid core
    /// fraction U(0.3, 0.7)); location inner/middle/outer 6/27/67 %; lobulation, spiculation, heterogeneity
    /// U(0, 1); peritumoral score N(0, 1). All independent.
    /// </summary>
    public static SyntheticPatient Sample(CaseRandom random)
    {
        var age = Math.Round(random.Normal(60, 9.5, 30, 85));
        var sex = random.Bernoulli(0.45) ? Sex.Male : Sex.Female;
        var diameter = Math.Round(random.Normal(1.6, 0.42, 0.6, 3.0), 2);
        var solid = random.Bernoulli(0.80);
        var fraction = solid ? 1.0 : random.Uniform(0.3, 0.7);
        var u = random.NextDouble();
        var location = u < 0.06 ? NoduleLocation.Inner : u < 0.33 ? NoduleLocation.Middle : NoduleLocation.Outer;
        return new SyntheticPatient(
            age, sex, diameter, solid ? Density.Solid : Density.PartSolid, fraction, location,
            random.NextDouble(), random.NextDouble(), random.NextDouble(), random.NextGaussian());
    }
}
