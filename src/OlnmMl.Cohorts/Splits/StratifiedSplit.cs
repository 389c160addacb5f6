using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Splits;

/// <summary>
/// Seeded stratified split: within each label class, the cases (sorted by id, then shuffled with the seed)
/// are cut so that round(n_c · trainFraction) go to training and the rest to validation. Both parts keep the
/// class proportions up to rounding; the same cases and seed always give the same split.
/// </summary>
public static class StratifiedSplit
{
    /// <summary>Splits <paramref name="cases"/> into (train, validation) with roles set accordingly; 0.7 gives the usual 7:3.</summary>
    public static (IReadOnlyList<Case> Train, IReadOnlyList<Case> Validation) Split(
        IEnumerable<Case> cases, double trainFraction = 0.7, ulong seed = 0)
    {
        if (!(trainFraction is > 0 and < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(trainFraction), trainFraction, "The training fraction must lie strictly between 0 and 1.");
        }

        var train = new List<Case>();
        var validation = new List<Case>();
        foreach (var stratum in cases.GroupBy(c => c.Label).OrderBy(g => g.Key))
        {
            var ordered = SeededShuffle.Shuffle(stratum.OrderBy(c => c.Id, StringComparer.Ordinal), seed + (ulong)stratum.Key);
            var cut = (int)Math.Round(ordered.Count * trainFraction, MidpointRounding.AwayFromZero);
            train.AddRange(ordered.Take(cut).Select(c => c with { Role = CohortRole.Train }));
            validation.AddRange(ordered.Skip(cut).Select(c => c with { Role = CohortRole.Validation }));
        }

        return (train, validation);
    }
}
