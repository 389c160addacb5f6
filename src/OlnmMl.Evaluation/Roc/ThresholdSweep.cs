namespace OlnmMl.Evaluation.Roc;

/// <summary>
/// Confusion counts at every distinct cut-off: +∞, the midpoints between consecutive distinct
/// finite scores (descending), −∞. At cut-off t a case is called positive when score ≥ t.
/// </summary>
internal sealed class ThresholdSweep
{
    private ThresholdSweep(double[] thresholds, int[] truePositives, int[] falsePositives, int positives, int negatives)
    {
        Thresholds = thresholds;
        TruePositives = truePositives;
        FalsePositives = falsePositives;
        Positives = positives;
        Negatives = negatives;
    }

    public double[] Thresholds { get; }

    public int[] TruePositives { get; }

    public int[] FalsePositives { get; }

    public int Positives { get; }

    public int Negatives { get; }

    public static ThresholdSweep Build(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        var (finiteScores, finiteLabels) = CaseSet.Finite(scores, labels);
        int total = finiteScores.Length;
        Array.Sort(finiteScores, finiteLabels);
        int positives = 0;
        foreach (bool label in finiteLabels) if (label) positives++;
        int distinct = 0;
        for (int i = 0; i < total; i++) if (i == 0 || finiteScores[i] != finiteScores[i - 1]) distinct++;

        int points = distinct + 1;
        var thresholds = new double[points];
        var tp = new int[points];
        var fp = new int[points];
        thresholds[0] = double.PositiveInfinity;
        int k = 0, tpCount = 0, fpCount = 0;
        int end = total;
        while (end > 0)
        {
            int start = end - 1;
            while (start > 0 && finiteScores[start - 1] == finiteScores[end - 1]) start--;
            for (int i = start; i < end; i++)
            {
                if (finiteLabels[i]) tpCount++;
                else fpCount++;
            }

            k++;
            thresholds[k] = start > 0 ? (finiteScores[start] + finiteScores[start - 1]) / 2 : double.NegativeInfinity;
            tp[k] = tpCount;
            fp[k] = fpCount;
            end = start;
        }

        return new ThresholdSweep(thresholds, tp, fp, positives, total - positives);
    }
}
