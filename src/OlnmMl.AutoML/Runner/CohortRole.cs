namespace OlnmMl.AutoML.Runner;

/// <summary>What a cohort's predictions may be used for.</summary>
public enum CohortRole
{
    /// <summary>Rows the pipeline was fitted on (training centres); fixes the Youden cut-off.</summary>
    Training,
    /// <summary>Held-out rows of the training centres (internal validation or leave-one-centre-out); the only input of the tuner's objective.</summary>
    Selection,
    /// <summary>External cohorts: scored for the leaderboard, never seen by the tuner.</summary>
    External,
}
