using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Clinical;

/// <summary>
/// A clinical signature built as in the clinical papers, on the training rows only:
/// <list type="number">
/// <item>univariable screen: for each candidate x_j its own model logit P(y = 1) = β₀ + β_j x_j (<see cref="UnivariableLogistic"/>);
/// the candidates with Wald p_j = 2(1 − Φ(|β_j / SE_j|)) &lt; <see cref="ClinicalLogisticOptions.EntryPValue"/> enter
/// (every candidate when it is null);</item>
/// <item>one multivariable model logit P(y = 1) = β₀ + Σ_{j entered} β_j x_j (<see cref="LogisticRegression"/>);</item>
/// <item>when <see cref="ClinicalLogisticOptions.BackwardElimination"/> is set, backward elimination at the same threshold:
/// while more than one variable remains and the largest multivariable p is ≥ the threshold, that variable is removed
/// and the model refitted.</item>
/// </list>
/// </summary>
/// <param name="Rows">One row per candidate, in slot order.</param>
/// <param name="Slots">Slots of the predictor column in the final model, ascending.</param>
/// <param name="Coefficients">The final multivariable table: intercept, then one row per entry of <paramref name="Slots"/>.</param>
/// <param name="EntryPValue">The screen's threshold; null when every candidate entered.</param>
/// <param name="BackwardElimination">Whether backward elimination followed the screen.</param>
public sealed record ClinicalSignature(IReadOnlyList<ClinicalSignatureRow> Rows, IReadOnlyList<int> Slots, IReadOnlyList<LogisticCoefficient> Coefficients,
    double? EntryPValue, bool BackwardElimination)
{
    /// <summary>Screens, fits and (optionally) eliminates as described on the type.</summary>
    /// <param name="matrix">Candidates and labels of the training rows.</param>
    /// <param name="options">Threshold, elimination, confidence level and iterations.</param>
    /// <exception cref="InvalidOperationException">No candidate passes the screen (the smallest p is named), or the multivariable model cannot be fitted.</exception>
    public static ClinicalSignature Fit(DenseFeatureMatrix matrix, ClinicalLogisticOptions options)
    {
        options.Validate();
        var univariable = UnivariableLogistic.Fit(matrix, options.ConfidenceLevel, options.MaxIterations);
        var entered = Enumerable.Range(0, matrix.Features)
            .Where(j => options.EntryPValue is not { } alpha || univariable[j] is { } u && u.P < alpha)
            .ToList();
        if (entered.Count == 0)
        {
            var best = univariable.Where(u => u is not null).MinBy(u => u!.P);
            throw new InvalidOperationException($"No candidate has univariable p < {options.EntryPValue} (smallest: {(best is null ? "none could be fitted" : $"'{best.Name}', p = {best.P:G3}")}); the clinical signature has no variable.");
        }

        var slots = entered;
        var table = FitSubset(matrix, slots, options);
        while (options.BackwardElimination && slots.Count > 1)
        {
            var worst = Enumerable.Range(1, slots.Count).MaxBy(k => table[k].P);
            if (table[worst].P < options.EntryPValue!.Value) break;
            slots = [.. slots.Where((_, k) => k != worst - 1)];
            table = FitSubset(matrix, slots, options);
        }

        var rows = new ClinicalSignatureRow[matrix.Features];
        for (int j = 0; j < matrix.Features; j++)
        {
            var k = slots.IndexOf(j);
            var entry = k >= 0 ? SignatureEntry.InModel : entered.Contains(j) ? SignatureEntry.Eliminated : SignatureEntry.NotEntered;
            rows[j] = new ClinicalSignatureRow(matrix.SlotNames[j], univariable[j], k >= 0 ? table[k + 1] : null, entry);
        }
        return new ClinicalSignature(rows, slots, table, options.EntryPValue, options.BackwardElimination);
    }

    private static IReadOnlyList<LogisticCoefficient> FitSubset(DenseFeatureMatrix matrix, IReadOnlyList<int> slots, ClinicalLogisticOptions options)
    {
        var x = new double[matrix.Rows * slots.Count];
        for (int i = 0; i < matrix.Rows; i++)
        {
            var row = matrix.Row(i);
            for (int k = 0; k < slots.Count; k++) x[i * slots.Count + k] = row[slots[k]];
        }
        return LogisticRegression.Fit(x, matrix.RequireLabels(), [.. slots.Select(j => matrix.SlotNames[j])], options.ConfidenceLevel, options.MaxIterations, options.Firth);
    }
}
