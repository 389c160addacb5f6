namespace OlnmMl.Evaluation;

/// <summary>
/// Shared input checks: equal lengths, and the rule for missing scores. Every statistic in this
/// library drops cases whose score is NaN (or ±∞) before computing, and reports how many it
/// dropped; labels are booleans (true = positive, the event).
/// </summary>
internal static class CaseSet
{
    public static void RequireSameLength(int scores, int labels, string scoresName = "scores", string labelsName = "labels")
    {
        if (scores != labels)
        {
            throw new ArgumentException(
                $"'{scoresName}' has {scores} values but '{labelsName}' has {labels}: one value per case is expected in each.",
                scoresName);
        }
    }

    /// <summary>Counts finite-score positives and negatives, and dropped (non-finite) cases.</summary>
    public static (int Positives, int Negatives, int Dropped) Count(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        RequireSameLength(scores.Length, labels.Length);
        int positives = 0, negatives = 0, dropped = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i])) dropped++;
            else if (labels[i]) positives++;
            else negatives++;
        }

        return (positives, negatives, dropped);
    }

    /// <summary>Copies finite-score cases into new arrays (scores, labels) in case order.</summary>
    public static (double[] Scores, bool[] Labels) Finite(ReadOnlySpan<double> scores, ReadOnlySpan<bool> labels)
    {
        RequireSameLength(scores.Length, labels.Length);
        int kept = 0;
        foreach (double s in scores) if (double.IsFinite(s)) kept++;
        var keptScores = new double[kept];
        var keptLabels = new bool[kept];
        int k = 0;
        for (int i = 0; i < scores.Length; i++)
        {
            if (!double.IsFinite(scores[i])) continue;
            keptScores[k] = scores[i];
            keptLabels[k++] = labels[i];
        }

        return (keptScores, keptLabels);
    }

    /// <summary>Reason a two-class statistic is undefined, or null when both classes are present.</summary>
    public static string? TwoClassReason(int positives, int negatives) =>
        positives == 0 && negatives == 0 ? Undefined.NoCases
        : positives == 0 ? Undefined.NoPositives
        : negatives == 0 ? Undefined.NoNegatives
        : null;
}
