using System.Collections.Immutable;

namespace OlnmMl.AutoML.Experiments;

/// <summary>
/// The data a sweep runs on, handed unchanged to every trial factory.
/// </summary>
/// <param name="Source">A manifest path, or <c>synthetic:NAME</c> for a generated cohort (e.g. <c>synthetic:paper</c>).</param>
/// <param name="Selection">How selection cohorts come from the training centres.</param>
/// <param name="ExternalCohorts">Cohorts scored for the leaderboard only; never seen by the tuner.</param>
/// <param name="Options">Free-form settings for the trial factories (crop size, device, cache folder, …).</param>
public sealed record ExperimentData(
    string Source,
    SelectionStrategy Selection,
    ImmutableArray<string> ExternalCohorts,
    ImmutableSortedDictionary<string, string> Options)
{
    /// <summary>Record equality including the collections' contents.</summary>
    public bool Equals(ExperimentData? other) =>
        other is not null && Source == other.Source && Selection == other.Selection
        && ExternalCohorts.SequenceEqual(other.ExternalCohorts) && Options.SequenceEqual(other.Options);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Source, Selection);
}
