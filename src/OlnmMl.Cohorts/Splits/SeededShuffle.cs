using OlnmMl.Cohorts.Synthetic;

namespace OlnmMl.Cohorts.Splits;

/// <summary>Fisher–Yates shuffle driven by <see cref="CaseRandom"/>, so a seed gives the same order on every platform.</summary>
internal static class SeededShuffle
{
    /// <summary>A shuffled copy of <paramref name="items"/>.</summary>
    public static List<T> Shuffle<T>(IEnumerable<T> items, ulong seed)
    {
        var list = items.ToList();
        var random = new CaseRandom(seed, 0x5EED);
        for (var i = list.Count - 1; i > 0; i--)
        {
            var j = random.NextInt(i + 1);
            (list[i], list[j]) = (list[j], list[i]);
        }

        return list;
    }
}
