using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;

namespace OlnmMl.AutoML.Ensembles;

/// <summary>
/// A weighted ensemble of trials fitted on the Selection cohorts only: the weights are <see cref="GreedyEnsembleSelection"/>'s
/// on the members' Selection-cohort probabilities with the study's objective as the loss (the mean over Selection cohorts,
/// <see cref="SelectionObjective"/>); every cohort (Training, Selection, External) is then scored by the weighted mean of
/// the members' probabilities, p(x) = Σ_m w_m p_m(x). External cohorts never enter the fit.
/// </summary>
public static class SelectionEnsemble
{
    /// <summary>The kind (the <c>trial</c> parameter) of the ensemble's leaderboard row.</summary>
    public const string Kind = "ensemble";

    /// <summary>Fits the weights of <paramref name="members"/> and blends every cohort they all scored.</summary>
    /// <param name="metric">The study's objective.</param>
    /// <param name="members">Each member's per-cohort predictions (cases matched by id).</param>
    /// <param name="rounds">Rounds of greedy additions.</param>
    /// <returns>One weight per member, and the blended predictions in the first member's cohort and case order.</returns>
    /// <exception cref="InvalidDataException">A member lacks a cohort or a case the first member scored.</exception>
    public static (double[] Weights, IReadOnlyList<CohortPredictions> Predictions) Fit(
        ObjectiveMetric metric, IReadOnlyList<IReadOnlyList<CohortPredictions>> members, int rounds)
    {
        ArgumentNullException.ThrowIfNull(members);
        var cohorts = members[0];
        var aligned = members.Select((member, m) => cohorts.Select(c => Aligned(member, c, m)).ToArray()).ToArray(); // [member][cohort][case]
        var selection = Enumerable.Range(0, cohorts.Count).Where(c => cohorts[c].Role == CohortRole.Selection).ToArray();
        var offsets = selection.Select((_, k) => selection.Take(k).Sum(c => cohorts[c].CaseIds.Count)).ToArray();
        var flattened = aligned.Select(member => (IReadOnlyList<double>)selection.SelectMany(c => member[c]).ToArray()).ToArray();
        double Loss(double[] blended) => SelectionObjective.ToLoss(metric, SelectionObjective.Compute(metric, selection.Select((c, k) =>
            Scored(cohorts[c], blended[offsets[k]..(offsets[k] + cohorts[c].CaseIds.Count)]))));

        var weights = GreedyEnsembleSelection.Weights(flattened, rounds, Loss);
        var blended = cohorts.Select((c, k) => Scored(c, Enumerable.Range(0, c.CaseIds.Count).Select(i => weights.Select((w, m) => w * aligned[m][k][i]).Sum()).ToArray()));
        return (weights, blended.ToArray());
    }

    private static CohortPredictions Scored(CohortPredictions cohort, double[] probabilities) =>
        new(cohort.Cohort, cohort.Role, cohort.CaseIds, cohort.Labels, probabilities);

    // The member's probabilities of `reference`'s cases, in its order.
    private static double[] Aligned(IReadOnlyList<CohortPredictions> member, CohortPredictions reference, int index)
    {
        var cohort = member.FirstOrDefault(p => p.Cohort == reference.Cohort)
            ?? throw new InvalidDataException($"Ensemble member {index} has no predictions of cohort '{reference.Cohort}'.");
        var byId = cohort.CaseIds.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => cohort.Probabilities[p.i], StringComparer.Ordinal);
        return reference.CaseIds.Select(id => byId.TryGetValue(id, out var p)
            ? p
            : throw new InvalidDataException($"Ensemble member {index} did not score case '{id}' of cohort '{reference.Cohort}'.")).ToArray();
    }
}
