using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Workflows.Study;

/// <summary>A case of the study: its manifest entry, cohort name ("train", "validation", "test-h5", …) and radiomics vector.</summary>
public sealed record StudyCase(Case Case, string Cohort, float[] Radiomics)
{
    /// <summary>True for pN+ (the default target).</summary>
    public bool Positive => Case.Label == 1;

    /// <summary>True when target <paramref name="target"/> is 1.</summary>
    /// <exception cref="OlnmUserException">The case has no such target.</exception>
    public bool Outcome(string target) => (Case.Target(target) ?? throw new OlnmUserException(
        $"case '{Case.Id}' has no target '{target}' (targets: {string.Join(", ", Case.Targets.Keys)}); name a manifest column label_{target}")) == 1;
}
