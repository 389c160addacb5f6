namespace OlnmMl.AutoML.Ensembles;

/// <summary>
/// Greedy ensemble selection (Caruana, Niculescu-Mizil, Crew &amp; Ksikes 2004, "Ensemble selection from libraries of
/// models"), as AutoGluon's weighted ensemble runs it: starting from the empty ensemble, each of <c>rounds</c> rounds adds,
/// with replacement, the member m whose addition minimises loss((Σ_{j∈E} p_j + p_m) / (|E| + 1)), the loss of the plain
/// mean of the chosen members' predictions (ties: the lowest member index). The ensemble is then cut back to the round of
/// lowest loss (the first such round), and member m's weight is its count in that prefix divided by the prefix's length,
/// so the weights are non-negative and sum to 1.
/// </summary>
public static class GreedyEnsembleSelection
{
    /// <summary>The members' weights.</summary>
    /// <param name="predictions">Each member's predictions, all of one length (the cases of every selection cohort, in one order).</param>
    /// <param name="rounds">Rounds of additions (≥ 1).</param>
    /// <param name="loss">Lower-is-better loss of an averaged prediction vector.</param>
    /// <returns>One weight per member.</returns>
    /// <exception cref="ArgumentException">No member, members of different lengths, or fewer than one round.</exception>
    public static double[] Weights(IReadOnlyList<IReadOnlyList<double>> predictions, int rounds, Func<double[], double> loss)
    {
        ArgumentNullException.ThrowIfNull(predictions);
        ArgumentNullException.ThrowIfNull(loss);
        ArgumentOutOfRangeException.ThrowIfLessThan(rounds, 1);
        if (predictions.Count == 0 || predictions.Any(p => p.Count != predictions[0].Count))
        {
            throw new ArgumentException($"Ensemble selection needs at least one member and members of one length; lengths: {string.Join(", ", predictions.Select(p => p.Count))}.", nameof(predictions));
        }

        var length = predictions[0].Count;
        var sum = new double[length];
        var candidate = new double[length];
        var chosen = new List<int>(rounds);
        var losses = new List<double>(rounds);
        for (var round = 0; round < rounds; round++)
        {
            var (best, bestLoss) = (-1, double.PositiveInfinity);
            for (var m = 0; m < predictions.Count; m++)
            {
                for (var i = 0; i < length; i++)
                {
                    candidate[i] = (sum[i] + predictions[m][i]) / (round + 1);
                }

                var value = loss(candidate);
                if (value < bestLoss)
                {
                    (best, bestLoss) = (m, value);
                }
            }

            if (best < 0)
            {
                throw new InvalidOperationException($"Ensemble selection: every member's loss was NaN or infinite in round {round + 1}.");
            }

            for (var i = 0; i < length; i++)
            {
                sum[i] += predictions[best][i];
            }

            chosen.Add(best);
            losses.Add(bestLoss);
        }

        var kept = losses.IndexOf(losses.Min()) + 1;
        var counts = new int[predictions.Count];
        foreach (var m in chosen.Take(kept))
        {
            counts[m]++;
        }

        return counts.Select(c => (double)c / kept).ToArray();
    }
}
