using System.Collections.Concurrent;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// The in-memory layer of a study's prepared inputs (crops, slice bags), keyed by case id: an input is kept while the
/// total kept stays within <see cref="BudgetBytes"/>, so the trials of a sweep share it without re-reading the disk; past
/// the budget inputs are still returned, just not kept. Thread-safe.
/// </summary>
/// <typeparam name="T">The input type.</typeparam>
/// <param name="budgetBytes">The most bytes kept.</param>
/// <param name="sizeOf">The bytes one input holds.</param>
public sealed class CaseMemory<T>(long budgetBytes, Func<T, long> sizeOf)
    where T : class
{
    private readonly ConcurrentDictionary<string, T> _kept = new(StringComparer.Ordinal);
    private long _bytes;

    /// <summary>The most bytes kept.</summary>
    public long BudgetBytes { get; } = budgetBytes;

    /// <summary>
    /// The input of case <paramref name="id"/>: the kept one, or <paramref name="prepare"/>(<paramref name="state"/>)'s, kept
    /// when it fits the budget. A hit allocates nothing (pass a static lambda).
    /// </summary>
    public T GetOrAdd<TState>(string id, TState state, Func<TState, T> prepare)
    {
        if (_kept.TryGetValue(id, out var kept))
        {
            return kept;
        }

        var input = prepare(state);
        if (Interlocked.Add(ref _bytes, sizeOf(input)) <= BudgetBytes)
        {
            _kept.TryAdd(id, input);
        }

        return input;
    }
}
