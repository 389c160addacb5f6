using OlnmMl.Evaluation.Reports;
using OlnmMl.Learners.Clinical;
using OlnmMl.Reporting.Tables;
using static OlnmMl.Workflows.Reports.ReportFormat;

namespace OlnmMl.Workflows.Reports;

/// <summary>
/// The clinical papers' odds-ratio table of a <see cref="ClinicalSignature"/>: per candidate variable the univariable
/// and the multivariable OR = e^β with its 95% CI e^{β ± 1.96·SE} and Wald p; a variable outside the final model reads
/// "not entered" or "eliminated" in the multivariable columns.
/// </summary>
public static class OddsRatioTable
{
    /// <summary>The table (HTML and CSV through <see cref="Table.ToHtml"/> and <see cref="Table.ToCsv"/>).</summary>
    /// <param name="signature">The fitted signature (<see cref="ClinicalLogisticTransformer.Signature"/>).</param>
    /// <param name="title">Caption, e.g. "Clinical signature: univariable and multivariable logistic regression (training cohort)".</param>
    public static Table Build(ClinicalSignature signature, string title) =>
        new(title, ["variable", "univariable OR (95% CI)", "univariable p", "multivariable OR (95% CI)", "multivariable p"],
            [.. signature.Rows.Select(row => (IReadOnlyList<string>)
            [
                row.Name,
                OddsRatio(row.Univariable),
                row.Univariable is { } u ? P(u.P) : "n/a",
                row.Entry switch
                {
                    SignatureEntry.InModel => OddsRatio(row.Multivariable),
                    SignatureEntry.Eliminated => "eliminated",
                    _ => "not entered",
                },
                row.Multivariable is { } m ? P(m.P) : "",
            ])]);

    /// <summary>The caption of <paramref name="model"/>'s table as the report prints it.</summary>
    public static string Title(string model) => $"{model}: univariable and multivariable logistic regression on the training cohort (OR, 95% CI, Wald p)";

    /// <summary>"OR (lower–upper)" to 3 decimals; "n/a" when the model could not be fitted.</summary>
    private static string OddsRatio(LogisticCoefficient? c) =>
        c is null ? "n/a" : StatisticText.Interval(c.OddsRatio, c.OddsRatioLower, c.OddsRatioUpper);
}
