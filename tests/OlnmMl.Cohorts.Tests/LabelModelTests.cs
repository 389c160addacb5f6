using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Tests;

/// <summary>
/// The label model alone (no volumes), simulated on 200,000 patients of the source population; the marginal
/// (crude) odds ratios must lie in the ranges the published tables report.
/// </summary>
public class LabelModelTests
{
    private static readonly (SyntheticPatient Patient, bool Positive)[] Simulated = Simulate(200_000);

    private static (SyntheticPatient, bool)[] Simulate(int n)
    {
        var random = new CaseRandom(2024, 99);
        return [.. Enumerable.Range(0, n).Select(_ =>
        {
            var patient = SyntheticPatient.Sample(random);
            return (patient, random.Bernoulli(LabelModel.Probability(patient)));
        })];
    }

    /// <summary>Crude OR of a 2×2 table: (a·d) / (b·c), exposed vs reference.</summary>
    private static double OddsRatio(Func<SyntheticPatient, bool> exposed, Func<SyntheticPatient, bool> reference)
    {
        double a = 0, b = 0, c = 0, d = 0;
        foreach (var (p, y) in Simulated)
        {
            if (exposed(p))
            {
                if (y) { a++; } else { b++; }
            }
            else if (reference(p))
            {
                if (y) { c++; } else { d++; }
            }
        }

        return a * d / (b * c);
    }

    [Fact]
    public void Solid_nodules_have_an_odds_ratio_between_2_5_and_4() =>
        Assert.InRange(OddsRatio(p => p.Density == Density.Solid, p => p.Density == Density.PartSolid), 2.5, 4.0);

    [Fact]
    public void Central_nodules_have_an_odds_ratio_between_1_7_and_3_against_outer_ones() =>
        Assert.InRange(OddsRatio(p => p.Location == NoduleLocation.Inner, p => p.Location == NoduleLocation.Outer), 1.7, 3.0);

    [Fact]
    public void Middle_nodules_sit_between_outer_and_inner_ones()
    {
        var middle = OddsRatio(p => p.Location == NoduleLocation.Middle, p => p.Location == NoduleLocation.Outer);
        var inner = OddsRatio(p => p.Location == NoduleLocation.Inner, p => p.Location == NoduleLocation.Outer);
        Assert.InRange(middle, 1.1, inner);
    }

    [Fact]
    public void Each_centimetre_of_diameter_multiplies_the_odds_by_about_1_4()
    {
        // Univariate logistic regression logit p = a + b·diameter by Newton–Raphson; OR per cm = e^b.
        double a = 0, b = 0;
        for (var iteration = 0; iteration < 25; iteration++)
        {
            double g0 = 0, g1 = 0, h00 = 0, h01 = 0, h11 = 0;
            foreach (var (p, y) in Simulated)
            {
                var x = p.DiameterCm;
                var mu = 1 / (1 + Math.Exp(-(a + b * x)));
                var w = mu * (1 - mu);
                g0 += (y ? 1 : 0) - mu;
                g1 += ((y ? 1 : 0) - mu) * x;
                h00 += w;
                h01 += w * x;
                h11 += w * x * x;
            }

            var det = h00 * h11 - h01 * h01;
            a += (h11 * g0 - h01 * g1) / det;
            b += (h00 * g1 - h01 * g0) / det;
        }

        Assert.InRange(Math.Exp(b), 1.25, 1.6);
    }

    [Fact]
    public void Older_patients_have_lower_odds_and_spiculated_heterogeneous_nodules_higher()
    {
        Assert.InRange(OddsRatio(p => p.Age >= 65, p => p.Age < 55), 0.5, 0.95);
        Assert.True(OddsRatio(p => p.Spiculation > 0.5, p => p.Spiculation <= 0.5) > 1.2);
        Assert.True(OddsRatio(p => p.Heterogeneity > 0.5, p => p.Heterogeneity <= 0.5) > 1.1);
        Assert.True(OddsRatio(p => p.Peritumoral > 0, p => p.Peritumoral <= 0) > 1.5);
    }

    [Fact]
    public void Sampling_given_the_label_keeps_the_direction_of_the_solid_effect()
    {
        // Outcome-dependent sampling preserves odds ratios: among 4,000 pN+ and 4,000 pN− drawn by rejection,
        // the solid fraction must be higher among positives (population OR ≈ 3 ⇒ about 88 % vs 72 %).
        var random = new CaseRandom(5, 5);
        var centre = StudyDesign.Centres[0];
        var solidPositive = Enumerable.Range(0, 4000).Count(_ => LabelModel.SampleGiven(1, centre, random).Density == Density.Solid) / 4000.0;
        var solidNegative = Enumerable.Range(0, 4000).Count(_ => LabelModel.SampleGiven(0, centre, random).Density == Density.Solid) / 4000.0;
        var or = solidPositive / (1 - solidPositive) / (solidNegative / (1 - solidNegative));
        Assert.InRange(or, 2.5, 4.0);
    }
}
