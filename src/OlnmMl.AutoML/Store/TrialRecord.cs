using System.Collections.Immutable;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Store;

/// <summary>
/// One trial, immutable: configuration, seed, status, metrics per cohort (cohort → metric → value), the selection
/// objective, duration, peak memory, artefact paths (name → path relative to the study's artefact folder),
/// versions (component → version) and, for a failed trial, the error.
/// </summary>
public sealed record TrialRecord
{
    /// <summary>Number in the study, 0-based, assigned by the store.</summary>
    public required int Number { get; init; }

    /// <summary>Life-cycle state.</summary>
    public required TrialStatus Status { get; init; }

    /// <summary>The configuration.</summary>
    public required ParameterSet Parameters { get; init; }

    /// <summary>Seed of the trial's pipeline.</summary>
    public required int Seed { get; init; }

    /// <summary>Budget (epochs) or null.</summary>
    public int? Budget { get; init; }

    /// <summary>Trial continued by this one (successive halving) or null.</summary>
    public int? PromotedFrom { get; init; }

    /// <summary>Start time (UTC).</summary>
    public required DateTimeOffset StartedAt { get; init; }

    /// <summary>Wall-clock duration of the evaluation (zero while running).</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>Largest process working set sampled while the trial ran, in bytes (0 while running).</summary>
    public long PeakMemoryBytes { get; init; }

    /// <summary>Selection objective on training centres (the value the tuner optimised), or null.</summary>
    public double? Objective { get; init; }

    /// <summary>Metrics per cohort: cohort name → metric name → value.</summary>
    public ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, double>> Metrics { get; init; } =
        ImmutableSortedDictionary<string, ImmutableSortedDictionary<string, double>>.Empty;

    /// <summary>Artefacts: name → path relative to the study's artefact folder.</summary>
    public ImmutableSortedDictionary<string, string> Artefacts { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Versions of the components that produced the trial: component → version.</summary>
    public ImmutableSortedDictionary<string, string> Versions { get; init; } = ImmutableSortedDictionary<string, string>.Empty;

    /// <summary>Error text of a failed trial (type, message, stack), else null.</summary>
    public string? Error { get; init; }

    /// <summary>Record equality including the dictionaries' contents.</summary>
    public bool Equals(TrialRecord? other) =>
        other is not null
        && Number == other.Number && Status == other.Status && Parameters.Equals(other.Parameters) && Seed == other.Seed
        && Budget == other.Budget && PromotedFrom == other.PromotedFrom && StartedAt == other.StartedAt
        && Duration == other.Duration && PeakMemoryBytes == other.PeakMemoryBytes
        && Nullable.Equals(Objective, other.Objective) && Error == other.Error
        && Metrics.Count == other.Metrics.Count
        && Metrics.All(c => other.Metrics.TryGetValue(c.Key, out var m) && m.SequenceEqual(c.Value))
        && Artefacts.SequenceEqual(other.Artefacts) && Versions.SequenceEqual(other.Versions);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Number, Status, Parameters, Seed);
}
