using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Splits;

/// <summary>One matched pair: a pN+ case and the pN− case chosen for it.</summary>
/// <param name="Positive">The pN+ case.</param>
/// <param name="Negative">Its matched pN− case.</param>
public sealed record MatchedPair(Case Positive, Case Negative);

/// <summary>Result of 1:1 matching.</summary>
/// <param name="Pairs">Matched pairs.</param>
/// <param name="UnmatchedPositives">pN+ cases left without a partner (no negative in their stratum within the caliper).</param>
public sealed record MatchResult(IReadOnlyList<MatchedPair> Pairs, IReadOnlyList<Case> UnmatchedPositives)
{
    /// <summary>The matched cohort: every pair's positive and negative.</summary>
    public IEnumerable<Case> Cases => Pairs.SelectMany(p => new[] { p.Positive, p.Negative });
}

/// <summary>
/// 1:1 matching of pN− to pN+ cases on sex, age, density and location, without replacement.
/// Algorithm: (1) strata are the exact combinations of sex × density × location; a case with any of the four
/// variables missing is not matched. (2) Positives are visited hardest first — fewest negatives in their
/// stratum, then a seeded random order among equals. (3) Each takes the unused negative of its stratum with the
/// nearest age (ties: smaller id), provided |Δage| ≤ caliper; otherwise it stays unmatched. Greedy nearest-
/// neighbour matching is what the clinical studies use; it is not globally optimal, but every pair satisfies the
/// exact and caliper constraints, so the matched groups have identical sex/density/location counts and mean
/// ages at most the caliper apart.
/// </summary>
public static class NegativeMatcher
{
    /// <summary>Matches each pN+ case of <paramref name="cases"/> to one pN− case; <paramref name="ageCaliper"/> in years.</summary>
    public static MatchResult Match(IEnumerable<Case> cases, double ageCaliper = 5, ulong seed = 0)
    {
        if (!(ageCaliper >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(ageCaliper), ageCaliper, "The age caliper must be ≥ 0 years.");
        }

        var all = cases.ToList();
        var negatives = all.Where(c => c.Label == 0 && Stratum(c) is not null)
            .GroupBy(c => Stratum(c)!.Value)
            .ToDictionary(g => g.Key, g => g.OrderBy(c => c.Clinical.Age).ThenBy(c => c.Id, StringComparer.Ordinal).ToList());
        var positives = SeededShuffle.Shuffle(all.Where(c => c.Label == 1).OrderBy(c => c.Id, StringComparer.Ordinal), seed)
            .Select((c, order) => (Case: c, Order: order))
            .OrderBy(p => Stratum(p.Case) is { } s && negatives.TryGetValue(s, out var pool) ? pool.Count : 0)
            .ThenBy(p => p.Order)
            .Select(p => p.Case);

        var pairs = new List<MatchedPair>();
        var unmatched = new List<Case>();
        foreach (var positive in positives)
        {
            var best = -1;
            if (Stratum(positive) is { } stratum && negatives.TryGetValue(stratum, out var pool))
            {
                var age = positive.Clinical.Age!.Value;
                var bestDistance = double.PositiveInfinity;
                for (var i = 0; i < pool.Count; i++)
                {
                    var distance = Math.Abs(pool[i].Clinical.Age!.Value - age);
                    if (distance < bestDistance
                        || (distance == bestDistance && string.CompareOrdinal(pool[i].Id, pool[best].Id) < 0))
                    {
                        best = i;
                        bestDistance = distance;
                    }
                }

                if (bestDistance > ageCaliper)
                {
                    best = -1;
                }

                if (best >= 0)
                {
                    pairs.Add(new MatchedPair(positive, pool[best]));
                    pool.RemoveAt(best);
                }
            }

            if (best < 0)
            {
                unmatched.Add(positive);
            }
        }

        return new MatchResult(pairs, unmatched);
    }

    private static (Sex, Density, NoduleLocation)? Stratum(Case c) =>
        c.Clinical is { Sex: { } sex, Density: { } density, Location: { } location, Age: not null }
            ? (sex, density, location)
            : null;
}
