using OlnmMl.AutoML.Runner;
using OlnmMl.Evaluation.CrossCohort;
using OlnmMl.Evaluation.Roc;
using OlnmMl.Evaluation.Testing;

namespace OlnmMl.AutoML.Leaderboard;

/// <summary>
/// The one convention of model comparison, used by the leaderboard and the study report alike: on each cohort, every
/// model against the reference model (the selected model: rank 1 by the selection objective, chosen without the external
/// cohorts) by the paired DeLong test (DeLong, DeLong &amp; Clarke-Pearson 1988) on the cases both scored (matched by case
/// id, same label), the p-values of that cohort adjusted by Benjamini–Hochberg across the models compared
/// (p̃₍ᵢ₎ = min_{k ≥ i} min(1, m·p₍ₖ₎/k), as R's <c>p.adjust(method = "BH")</c>). Chosen pairs (<see cref="Pairs"/>) follow the
/// same rule with the pairs of a cohort as the family.
/// </summary>
public static class ReferenceComparison
{
    /// <summary>The correction of every family of paired DeLong p-values.</summary>
    public const PValueAdjustment Adjustment = PValueAdjustment.BenjaminiHochberg;

    /// <summary>The methods sentence of the convention, with <paramref name="reference"/> named (e.g. "the selected model (trial 7)").</summary>
    public static string Statement(string reference) =>
        $"Each model was compared with {reference} by the paired DeLong test on the cases both scored, on every evaluation cohort; "
        + "the p-values of a cohort were adjusted by Benjamini–Hochberg (false discovery rate) across the models compared on it.";

    /// <summary>
    /// Compares every entry of <paramref name="models"/> with <paramref name="reference"/> on one cohort: the paired test
    /// (null where a model did not score the cohort or is the reference itself) and its Benjamini–Hochberg-adjusted p
    /// (NaN for those), in the order given.
    /// </summary>
    public static (AucComparison? Test, double Adjusted)[] AgainstReference(CohortPredictions reference, IReadOnlyList<CohortPredictions?> models)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(models);
        var tests = models.Select(m => m is null || ReferenceEquals(m, reference) ? null : Paired(reference, m)).ToArray();
        var adjusted = MultipleTesting.BenjaminiHochberg([.. tests.Select(t => t?.PValue ?? double.NaN)]);
        return [.. tests.Select((t, i) => (t, adjusted[i]))];
    }

    /// <summary>
    /// Chosen pairs on one cohort (e.g. fusion against radiomics, deep and clinical): the paired test of each pair, first
    /// minus second, and its p adjusted by Benjamini–Hochberg across the pairs.
    /// </summary>
    public static (AucComparison Test, double Adjusted)[] Pairs(IReadOnlyList<(CohortPredictions First, CohortPredictions Second)> pairs)
    {
        ArgumentNullException.ThrowIfNull(pairs);
        var tests = pairs.Select(p => Paired(p.First, p.Second)).ToArray();
        var adjusted = MultipleTesting.BenjaminiHochberg([.. tests.Select(t => t.PValue)]);
        return [.. tests.Select((t, i) => (t, adjusted[i]))];
    }

    /// <summary>The paired DeLong test of <paramref name="first"/> against <paramref name="second"/> (AUC₁ is the first's) on the cases both scored with the same label.</summary>
    public static AucComparison Paired(CohortPredictions first, CohortPredictions second)
    {
        ArgumentNullException.ThrowIfNull(first);
        ArgumentNullException.ThrowIfNull(second);
        var byId = new Dictionary<string, int>(StringComparer.Ordinal);
        for (var i = 0; i < first.CaseIds.Count; i++)
        {
            byId[first.CaseIds[i]] = i;
        }

        var a = new List<double>();
        var b = new List<double>();
        var labels = new List<bool>();
        for (var i = 0; i < second.CaseIds.Count; i++)
        {
            if (byId.TryGetValue(second.CaseIds[i], out var j) && first.Labels[j] == second.Labels[i])
            {
                a.Add(first.Probabilities[j]);
                b.Add(second.Probabilities[i]);
                labels.Add(second.Labels[i]);
            }
        }

        return DeLong.PairedTest([.. a], [.. b], [.. labels]);
    }
}
