using System.Buffers;

namespace OlnmMl.Evaluation.Roc;

/// <summary>
/// DeLong placement values by one sort (Sun &amp; Xu 2014, "Fast implementation of DeLong's algorithm",
/// IEEE Signal Processing Letters 21(11)): with m positives X and n negatives Y and ψ(x, y) = 1 if
/// x &gt; y, ½ if x = y, 0 otherwise,
/// V10(Xᵢ) = (1/n) Σⱼ ψ(Xᵢ, Yⱼ) = (T_Z(Xᵢ) − T_X(Xᵢ)) / n and
/// V01(Yⱼ) = (1/m) Σᵢ ψ(Xᵢ, Yⱼ) = 1 − (T_Z(Yⱼ) − T_Y(Yⱼ)) / m,
/// where T_Z, T_X, T_Y are midranks in the pooled sample, among positives, among negatives.
/// In sorted order a tie group g holding p_g positives and q_g negatives above N_g negatives and
/// below P_g positives gives V10 = (N_g + q_g/2)/n and V01 = (P_g + p_g/2)/m, so one sort yields all
/// three rankings. AUC = mean V10 = mean V01 (the Mann–Whitney U / (mn)).
/// </summary>
internal static class Placements
{
    /// <summary>
    /// Fills <paramref name="v10"/> (positives, in case order) and <paramref name="v01"/> (negatives,
    /// in case order) and returns the AUC. All scores must be finite; both classes non-empty.
    /// </summary>
    public static double Compute(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels, Span<double> v10, Span<double> v01)
    {
        int total = scores.Length;
        int m = v10.Length;
        int n = v01.Length;
        double[] keyBuffer = ArrayPool<double>.Shared.Rent(total);
        int[] orderBuffer = ArrayPool<int>.Shared.Rent(total);
        int[] slotBuffer = ArrayPool<int>.Shared.Rent(total);
        try
        {
            Span<double> keys = keyBuffer.AsSpan(0, total);
            Span<int> order = orderBuffer.AsSpan(0, total);
            Span<int> slot = slotBuffer.AsSpan(0, total);
            int positiveSlot = 0, negativeSlot = 0;
            for (int i = 0; i < total; i++)
            {
                order[i] = i;
                slot[i] = labels[i] ? positiveSlot++ : negativeSlot++;
            }

            scores.CopyTo(keys);
            keys.Sort(order);

            long twiceU = 0; // 2·U = Σ_g p_g (2 N_g + q_g), exact in integers
            int negativesBelow = 0, positivesAbove = m;
            int start = 0;
            while (start < total)
            {
                int end = start + 1;
                while (end < total && keys[end] == keys[start]) end++;
                int groupPositives = 0;
                for (int k = start; k < end; k++) if (labels[order[k]]) groupPositives++;
                int groupNegatives = end - start - groupPositives;
                positivesAbove -= groupPositives;
                double positivePlacement = (negativesBelow + 0.5 * groupNegatives) / n;
                double negativePlacement = (positivesAbove + 0.5 * groupPositives) / m;
                for (int k = start; k < end; k++)
                {
                    int c = order[k];
                    if (labels[c]) v10[slot[c]] = positivePlacement;
                    else v01[slot[c]] = negativePlacement;
                }

                twiceU += (long)groupPositives * (2L * negativesBelow + groupNegatives);
                negativesBelow += groupNegatives;
                start = end;
            }

            return twiceU / (2.0 * m * n);
        }
        finally
        {
            ArrayPool<double>.Shared.Return(keyBuffer);
            ArrayPool<int>.Shared.Return(orderBuffer);
            ArrayPool<int>.Shared.Return(slotBuffer);
        }
    }
}
