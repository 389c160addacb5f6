namespace OlnmMl.AutoML.Store;

/// <summary>A resume was given inputs (seed, preset, data, recipe, …) other than those the study was created with.</summary>
public sealed class StudyInputsMismatchException(string study, IReadOnlyList<string> mismatches)
    : OlnmUserException(study, $"the study was created with other inputs — {string.Join("; ", mismatches)}; resume with the study's inputs, or start a new study for the new ones")
{
    /// <summary>One line per differing input: "name: study has 'a', this run has 'b'".</summary>
    public IReadOnlyList<string> Mismatches { get; } = mismatches;
}
