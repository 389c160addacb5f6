using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Workflows.Study;

/// <summary>A case of the study: its manifest entry, cohort name ("train", "validation", "test-h5", …) and radiomics vector.</summary>
public sealed record StudyCase(Case Case, string Cohort, float[] Radiomics)
{
    /// <summary>True for pN+.</summary>
    public bool Positive => Case.Label == 1;
}
