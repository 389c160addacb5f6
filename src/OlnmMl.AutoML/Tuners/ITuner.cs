namespace OlnmMl.AutoML.Tuners;

/// <summary>
/// A tuner proposes configurations and is told their outcomes. Contract (checked by the tuner contract tests):
/// <list type="bullet">
/// <item><see cref="Propose"/> returns a configuration valid in the tuner's space, or null when the tuner has
/// nothing more to propose (a finished grid).</item>
/// <item>Proposals are a pure function of the seed, the trial number and the observations told so far, so a
/// fresh tuner told a study's history proposes what the original would have: resume is replay.</item>
/// <item>The tuner only ever sees <see cref="TunerObservation"/>s: a loss computed on training centres, never
/// an external cohort's metrics.</item>
/// </list>
/// </summary>
public interface ITuner
{
    /// <summary>Short name recorded with the study (grid, random, smac, asha).</summary>
    string Name { get; }

    /// <summary>Proposes the configuration for trial <paramref name="trialNumber"/>, or null when exhausted.</summary>
    TrialSuggestion? Propose(int trialNumber);

    /// <summary>
    /// Tells the tuner about a trial: a running one (proposed, not finished) or a finished one. Telling the same
    /// trial again replaces what was told before.
    /// </summary>
    void Tell(TunerObservation observation);
}
