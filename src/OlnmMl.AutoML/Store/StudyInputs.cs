namespace OlnmMl.AutoML.Store;

/// <summary>
/// The inputs a study's results depend on (name → value: experiment hash, data fingerprint, cohort seed, preset,
/// radiomics recipe, …), recorded once per study; a resume must bring the same ones.
/// </summary>
public static class StudyInputs
{
    /// <summary>
    /// Throws <see cref="StudyInputsMismatchException"/> naming every input whose value in <paramref name="current"/>
    /// differs from the one <paramref name="recorded"/> for the study. Names recorded on one side only are not a
    /// mismatch (a study created by an older version, or an input this run does not use).
    /// </summary>
    public static void RequireMatch(string study, IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> current)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(current);
        var mismatches = current
            .Where(c => recorded.TryGetValue(c.Key, out var value) && value != c.Value)
            .OrderBy(c => c.Key, StringComparer.Ordinal)
            .Select(c => $"{c.Key}: study has '{recorded[c.Key]}', this run has '{c.Value}'")
            .ToArray();
        if (mismatches.Length > 0)
        {
            throw new StudyInputsMismatchException(study, mismatches);
        }
    }

    /// <summary>The check of <see cref="IStudyStore.RecordInputs"/>: a recorded input never changes.</summary>
    internal static void RequireNoConflict(string study, IReadOnlyDictionary<string, string> recorded, IReadOnlyDictionary<string, string> added)
    {
        if (added.FirstOrDefault(a => recorded.TryGetValue(a.Key, out var value) && value != a.Value) is { Key: not null } conflict)
        {
            throw new InvalidOperationException(
                $"Study '{study}' recorded input {conflict.Key} = '{recorded[conflict.Key]}'; it cannot become '{conflict.Value}'.");
        }
    }
}
