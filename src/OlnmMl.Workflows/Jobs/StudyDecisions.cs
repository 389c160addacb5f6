using System.Globalization;
using OlnmMl.AutoML.Ensembles;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// The study-level decisions beyond each trial's own fit, read from the data options, and the leaderboard's statement of
/// which cohorts each data-dependent decision saw: the models' fits and cut-offs, the tuner's objective, the networks'
/// checkpoint selection (<see cref="CheckpointSelection"/>) and the weighted ensemble's weights (data option
/// <c>ensemble: N</c>, the pool of the N best trials, with <c>ensemble-rounds</c>, default
/// <see cref="EnsembleOptions.DefaultRounds"/>).
/// </summary>
public static class StudyDecisions
{
    /// <summary>The data option giving the ensemble's pool.</summary>
    public const string EnsembleOption = "ensemble";

    /// <summary>The data option giving the ensemble's rounds.</summary>
    public const string EnsembleRoundsOption = "ensemble-rounds";

    /// <summary>The leaderboard's ensemble of <paramref name="data"/>, or null when the option is absent.</summary>
    /// <exception cref="OlnmUserException">The pool is not an integer ≥ 2 or the rounds not an integer ≥ 1.</exception>
    public static EnsembleOptions? Ensemble(ExperimentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        if (!data.Options.TryGetValue(EnsembleOption, out var pool))
        {
            return null;
        }

        var rounds = data.Options.GetValueOrDefault(EnsembleRoundsOption, EnsembleOptions.DefaultRounds.ToString(CultureInfo.InvariantCulture));
        return int.TryParse(pool, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) && n >= 2
            && int.TryParse(rounds, NumberStyles.Integer, CultureInfo.InvariantCulture, out var r) && r >= 1
            ? new EnsembleOptions(n, r)
            : throw new OlnmUserException($"data.options.{EnsembleOption} '{pool}' must be an integer ≥ 2 (the best trials pooled) and {EnsembleRoundsOption} '{rounds}' an integer ≥ 1");
    }

    /// <summary>One line naming the cohorts each decision of <paramref name="data"/>'s study saw.</summary>
    public static string Statement(ExperimentData data)
    {
        ArgumentNullException.ThrowIfNull(data);
        var loco = data.Selection == SelectionStrategy.LeaveOneCentreOut;
        var selection = loco ? "the held-out development centres (loco-* folds, out of fold)" : "validation";
        return "Decisions and the cohorts they saw: "
            + $"model fits (feature columns, scaling, feature selection, model) and Youden cut-off: {string.Join(" + ", TrialCohorts.FittedOn(data))}"
            + (loco ? " (each fold: its training centres only)" : string.Empty) + "; "
            + $"tuner objective: {selection}; "
            + (loco ? string.Empty : $"checkpoint (epoch) selection of the networks: {CheckpointSelection.Describe(data)}; ")
            + $"ensemble weights: {(Ensemble(data) is null ? "no ensemble" : selection)}; "
            + $"external cohorts ({string.Join(", ", data.ExternalCohorts)}): none.";
    }
}
