namespace OlnmMl.AutoML.Ensembles;

/// <summary>The leaderboard's weighted ensemble (<see cref="SelectionEnsemble"/>): its pool and its rounds.</summary>
/// <param name="Pool">The best trials by the selection objective that may enter (≥ 2).</param>
/// <param name="Rounds">Rounds of greedy additions (<see cref="GreedyEnsembleSelection"/>; ≥ 1).</param>
public sealed record EnsembleOptions(int Pool, int Rounds = EnsembleOptions.DefaultRounds)
{
    /// <summary>The default number of rounds.</summary>
    public const int DefaultRounds = 25;
}
