using System.Text.Json;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// What each leave-one-centre-out fold of a trial was fitted on, as the trial's artefact <see cref="FileName"/>: per
/// fold its Selection cohort, held-out centre, training centres, the ids of the cases its pipeline was trained on
/// (read from the fitted table) and the feature columns chosen on them. Lets a reader check that no fold saw its
/// held-out centre.
/// </summary>
public static class CentreFoldsFile
{
    /// <summary>The artefact's file name inside the trial folder.</summary>
    public const string FileName = "folds.json";

    private static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };

    /// <summary>One fold as recorded.</summary>
    /// <param name="Cohort">The fold's Selection cohort.</param>
    /// <param name="HeldOutCentre">The centre scored only.</param>
    /// <param name="TrainingCentres">The centres fitted on.</param>
    /// <param name="TrainingIds">Ids of the rows the fold's pipeline was trained on.</param>
    /// <param name="Features">The fold's feature columns.</param>
    public sealed record Fold(string Cohort, string HeldOutCentre, IReadOnlyList<string> TrainingCentres, IReadOnlyList<string> TrainingIds, IReadOnlyList<string> Features);

    /// <summary>Writes <paramref name="folds"/> to <paramref name="path"/> atomically.</summary>
    public static void Write(string path, IReadOnlyList<Fold> folds) => DurableFile.WriteAllText(path, JsonSerializer.Serialize(folds, Json));

    /// <summary>Reads a file written by <see cref="Write"/>.</summary>
    public static IReadOnlyList<Fold> Read(string path) =>
        JsonSerializer.Deserialize<List<Fold>>(File.ReadAllText(path), Json) ?? throw new InvalidDataException($"{path}: no folds");
}
