using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Experiments;

/// <summary>Which tuner a sweep uses and its settings.</summary>
/// <param name="Kind">grid, random, smac or asha.</param>
/// <param name="GridResolution">Points per numeric parameter for grid.</param>
/// <param name="Smac">Settings for smac.</param>
/// <param name="Asha">Settings for asha.</param>
public sealed record TunerSpec(string Kind, int GridResolution = 3, SmacOptions? Smac = null, AshaOptions? Asha = null)
{
    /// <summary>The tuner kinds.</summary>
    public static IReadOnlyList<string> Kinds { get; } = ["grid", "random", "smac", "asha"];

    /// <summary>The longest training any trial's lineage reaches (<see cref="AshaOptions.MaxBudget"/> for asha), or null when trials set their own epochs.</summary>
    public int? EpochHorizon => Kind == "asha" ? (Asha ?? new AshaOptions()).MaxBudget : null;

    /// <summary>Creates the tuner over <paramref name="space"/> with <paramref name="seed"/>.</summary>
    public ITuner Create(Spaces.SearchSpace space, int seed) => Kind switch
    {
        "grid" => new GridTuner(space, GridResolution),
        "random" => new RandomTuner(space, seed),
        "smac" => new SmacTuner(space, seed, Smac),
        "asha" => new AshaTuner(space, seed, Asha),
        _ => throw new ArgumentException($"Unknown tuner kind '{Kind}'; expected one of {string.Join(", ", Kinds)}."),
    };
}
