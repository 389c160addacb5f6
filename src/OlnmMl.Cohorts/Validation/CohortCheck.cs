using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Validation;

/// <summary>Cases and pN+ cases of one cohort or centre; prevalence = positives / cases.</summary>
/// <param name="Name">Cohort (e.g. <c>test-h5</c>) or centre name.</param>
/// <param name="Cases">Number of cases.</param>
/// <param name="Positives">Number of pN+ cases.</param>
public sealed record GroupCount(string Name, int Cases, int Positives)
{
    /// <summary>Positives / cases (0 for an empty group).</summary>
    public double Prevalence => Cases == 0 ? 0 : (double)Positives / Cases;
}

/// <summary>What <c>olnm cohort check</c> prints: counts per cohort and centre, prevalence, and every problem found.</summary>
/// <param name="ManifestPath">The manifest checked.</param>
/// <param name="CaseCount">Cases read (0 when the manifest does not parse).</param>
/// <param name="Cohorts">Counts per cohort, train → validation → tests by name.</param>
/// <param name="Centres">Counts per centre, by name.</param>
/// <param name="Problems">Problems in manifest order; empty when the manifest is usable.</param>
public sealed record CohortCheckReport(
    string ManifestPath, int CaseCount, IReadOnlyList<GroupCount> Cohorts, IReadOnlyList<GroupCount> Centres, IReadOnlyList<ManifestProblem> Problems)
{
    /// <summary>True when no problem was found.</summary>
    public bool IsValid => Problems.Count == 0;
}

/// <summary>Entry point of <c>olnm cohort check &lt;manifest&gt;</c>: read, validate, count.</summary>
public static class CohortCheck
{
    /// <summary>
    /// Reads the manifest at <paramref name="manifestPath"/> (.csv or datalist .json) and validates it with
    /// <see cref="ManifestValidator"/> (<paramref name="maskLabel"/>: the ROI label, as for radiomics). Never throws for bad input: a manifest that does not parse yields a report
    /// with one <see cref="ProblemKind.MalformedManifest"/> problem whose message names the file and row.
    /// </summary>
    public static CohortCheckReport Run(string manifestPath, int maxDegreeOfParallelism = -1, CancellationToken cancellationToken = default, int? maskLabel = null)
    {
        IReadOnlyList<Case> cases;
        try
        {
            cases = ManifestReader.Read(manifestPath);
        }
        catch (ManifestFormatException e)
        {
            return new CohortCheckReport(
                manifestPath, 0, [], [], [new ManifestProblem(ProblemKind.MalformedManifest, null, manifestPath, e.Message)]);
        }

        var problems = ManifestValidator.Validate(cases, manifestPath, maxDegreeOfParallelism, cancellationToken, maskLabel);
        var cohorts = cases.GroupBy(c => c.Role)
            .OrderBy(g => g.Key.Kind).ThenBy(g => g.Key.TestName, StringComparer.Ordinal)
            .Select(g => new GroupCount(g.Key.ToString(), g.Count(), g.Count(c => c.Label == 1)))
            .ToList();
        var centres = cases.GroupBy(c => c.Centre).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new GroupCount(g.Key, g.Count(), g.Count(c => c.Label == 1)))
            .ToList();
        return new CohortCheckReport(manifestPath, cases.Count, cohorts, centres, problems);
    }
}
