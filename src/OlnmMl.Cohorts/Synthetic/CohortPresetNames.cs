namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The command-line names of the presets: <c>tiny</c>, <c>quick</c>, <c>paper</c>, <c>petct-tiny</c>, <c>petct-quick</c>,
/// <c>petct-paper</c>, <c>unlabeled</c>. The name also goes into the generator's completion marker and the main job's data folder.
/// </summary>
public static class CohortPresetNames
{
    private static readonly (CohortPreset Preset, string Name)[] Names =
    [
        (CohortPreset.Tiny, "tiny"), (CohortPreset.Quick, "quick"), (CohortPreset.Paper, "paper"),
        (CohortPreset.PetCtTiny, "petct-tiny"), (CohortPreset.PetCtQuick, "petct-quick"), (CohortPreset.PetCtPaper, "petct-paper"),
        (CohortPreset.Unlabeled, "unlabeled"),
    ];

    /// <summary>Every name, in preset order, joined for messages: <c>tiny, quick, …, petct-paper</c>.</summary>
    public static string All { get; } = string.Join(", ", Names.Select(n => n.Name));

    /// <summary>The name of <paramref name="preset"/>.</summary>
    public static string Of(CohortPreset preset) =>
        Names.FirstOrDefault(n => n.Preset == preset).Name ?? throw new ArgumentOutOfRangeException(nameof(preset), preset, "Unknown preset.");

    /// <summary>The preset named <paramref name="name"/> (case-insensitive, surrounding spaces ignored); false when there is none.</summary>
    public static bool TryParse(string? name, out CohortPreset preset)
    {
        var match = Names.FirstOrDefault(n => string.Equals(n.Name, name?.Trim(), StringComparison.OrdinalIgnoreCase));
        preset = match.Preset;
        return match.Name is not null;
    }
}
