using OlnmMl.AutoML.Runner;
using OlnmMl.Evaluation.Roc;

namespace OlnmMl.AutoML.Leaderboard;

/// <summary>
/// A reference scorer the leaderboard measures models against (e.g. the data generator's own label model): a score
/// per case id, whose AUC on each cohort's cases is the attainable ceiling. A model's share of the attainable lift on a
/// cohort is (AUC − 0.5) / (reference AUC − 0.5).
/// </summary>
/// <param name="Name">Row label, e.g. <c>oracle</c>.</param>
/// <param name="Description">What the reference is, printed as a note with the table.</param>
/// <param name="Scores">Reference score per case id; cases without one are left out of the reference AUC.</param>
public sealed record LeaderboardReference(string Name, string Description, IReadOnlyDictionary<string, double> Scores)
{
    /// <summary>The reference AUC on the cases of <paramref name="cohort"/> that have a reference score (NaN without both classes).</summary>
    public double Auc(CohortPredictions cohort)
    {
        ArgumentNullException.ThrowIfNull(cohort);
        var scores = new List<double>();
        var labels = new List<bool>();
        for (var i = 0; i < cohort.CaseIds.Count; i++)
        {
            if (Scores.TryGetValue(cohort.CaseIds[i], out var score))
            {
                scores.Add(score);
                labels.Add(cohort.Labels[i]);
            }
        }

        return labels.Contains(true) && labels.Contains(false) ? DeLong.Auc(scores.ToArray(), labels.ToArray()) : double.NaN;
    }

    /// <summary>(AUC − 0.5) / (reference AUC − 0.5); NaN where the reference AUC is not above 0.5.</summary>
    public static double LiftShare(double auc, double referenceAuc) =>
        referenceAuc > 0.5 ? (auc - 0.5) / (referenceAuc - 0.5) : double.NaN;

    /// <summary>Mean of the finite values of <paramref name="values"/>; NaN when there is none.</summary>
    internal static double FiniteMean(IEnumerable<double> values)
    {
        var finite = values.Where(double.IsFinite).ToArray();
        return finite.Length > 0 ? finite.Average() : double.NaN;
    }
}

/// <summary>The reference's AUC per non-training cohort of a leaderboard.</summary>
/// <param name="Name">Row label.</param>
/// <param name="Description">What the reference is.</param>
/// <param name="Aucs">Reference AUC per cohort name.</param>
/// <param name="AverageAuc">Mean of the finite reference AUCs.</param>
public sealed record ReferenceAucs(string Name, string Description, IReadOnlyDictionary<string, double> Aucs, double AverageAuc);
