namespace OlnmMl.AutoML.Experiments;

/// <summary>The check that an experiment joining an existing study is the one the study was created from.</summary>
public static class StoredDefinition
{
    /// <summary>
    /// Throws <see cref="OlnmUserException"/> naming <paramref name="where"/>, the study and the first differing line
    /// when <paramref name="experiment"/>'s canonical YAML (search space, tuner, budgets, data…) differs from the
    /// <paramref name="stored"/> definition; a study never mixes trials of two experiments.
    /// </summary>
    public static void RequireSame(string where, string study, string stored, ExperimentDefinition experiment)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        var given = ExperimentYaml.Write(experiment).Split('\n');
        var recorded = stored.Split('\n');
        var line = Enumerable.Range(0, Math.Max(given.Length, recorded.Length))
            .FirstOrDefault(i => i >= given.Length || i >= recorded.Length || given[i].TrimEnd() != recorded[i].TrimEnd(), -1);
        if (line >= 0)
        {
            string At(string[] lines) => line < lines.Length ? $"'{lines[line].Trim()}'" : "nothing";
            throw new OlnmUserException(where,
                $"study '{study}' was created from another experiment (search space or settings differ at line {line + 1}: stored {At(recorded)}, given {At(given)}); use another study name or the stored experiment");
        }
    }
}
