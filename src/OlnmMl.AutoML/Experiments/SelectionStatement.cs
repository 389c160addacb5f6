namespace OlnmMl.AutoML.Experiments;

/// <summary>The sentence, printed with every leaderboard and report, saying which cohorts each decision of a selection strategy saw.</summary>
public static class SelectionStatement
{
    /// <summary>Which cohorts the model fits, the tuner's objective (<paramref name="objective"/>) and the cut-offs saw under <paramref name="selection"/>.</summary>
    public static string DecisionsSaw(SelectionStrategy selection, ObjectiveMetric objective) => selection switch
    {
        SelectionStrategy.LeaveOneCentreOut =>
            $"Leave-one-centre-out selection: the objective is the mean over development centres (train and validation cohorts) of the {objective} "
            + "on that centre's cases, each scored by a fold fitted (feature columns, imputation, scaling, feature selection, model) on the other development centres only "
            + "(one loco-<centre> Selection column per fold; the mean of per-centre values, not a pooled AUC); the reported model was refitted on all development centres "
            + "(its Training cohort, development), so the Youden cut-off carried to a loco column saw that column's centre, while its AUC did not.",
        _ =>
            $"Internal-validation selection: every model decision (feature columns, imputation, scaling, feature selection, model, Youden cut-off) saw the training cohort only; "
            + $"the objective ({objective}) saw only the internal-validation cohort.",
    };
}
