using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Splits;

/// <summary>
/// Split by centre, as the multi-centre studies do: the cases of <c>developmentCentres</c> are split
/// stratified (<see cref="StratifiedSplit"/>) into train and validation; every other centre becomes its own
/// external test cohort <c>test-&lt;centre&gt;</c>, never seen during development.
/// </summary>
public static class CentreSplit
{
    /// <summary>All cases with their roles reassigned; order: train, validation, then test cohorts by centre name.</summary>
    /// <exception cref="ArgumentException">A development centre has no case.</exception>
    public static IReadOnlyList<Case> Split(
        IEnumerable<Case> cases, IReadOnlyCollection<string> developmentCentres, double trainFraction = 0.7, ulong seed = 0)
    {
        var all = cases.ToList();
        foreach (var centre in developmentCentres)
        {
            if (!all.Any(c => c.Centre == centre))
            {
                throw new ArgumentException($"Development centre '{centre}' has no case.", nameof(developmentCentres));
            }
        }

        var (train, validation) = StratifiedSplit.Split(all.Where(c => developmentCentres.Contains(c.Centre)), trainFraction, seed);
        var tests = all.Where(c => !developmentCentres.Contains(c.Centre))
            .OrderBy(c => c.Centre, StringComparer.Ordinal)
            .Select(c => c with { Role = CohortRole.Test(c.Centre) });
        return [.. train, .. validation, .. tests];
    }
}
