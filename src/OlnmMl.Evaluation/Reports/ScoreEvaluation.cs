using System.Globalization;
using System.Text;
using OlnmMl.Evaluation.CrossCohort;

namespace OlnmMl.Evaluation.Reports;

/// <summary>
/// <c>olnm evaluate</c>: a score table (per-case scores, labels and cohorts, e.g. what <c>olnm predict</c> writes)
/// evaluated as the papers' result tables are — the Youden cut-off fitted on the training cohort only and carried to
/// every other cohort, then per cohort AUC (DeLong CI), accuracy, sensitivity, specificity, PPV and NPV (Wilson CIs),
/// AUPRC, Brier score and calibration, and aAUC over the non-training cohorts
/// (<see cref="CrossCohortEvaluation.Evaluate"/>). Written as <see cref="JsonFile"/> and <see cref="CsvFile"/>.
/// </summary>
public static class ScoreEvaluation
{
    /// <summary>File name of the whole evaluation (<see cref="EvaluationJson"/>).</summary>
    public const string JsonFile = "evaluation.json";

    /// <summary>File name of the one-row-per-cohort table.</summary>
    public const string CsvFile = "evaluation.csv";

    /// <summary>Reads <paramref name="dataPath"/>, evaluates <paramref name="scoreColumn"/>, writes both files into <paramref name="outDirectory"/> (each atomically).</summary>
    /// <exception cref="OlnmUserException">The training cohort is not in the table (the message lists the cohorts there).</exception>
    /// <exception cref="FormatException">A missing column or a bad value (the message names file, line and column).</exception>
    public static CrossCohortSummary Run(string dataPath, string labelColumn, string scoreColumn, string cohortColumn, string trainingCohort, string outDirectory)
    {
        var table = ScoreTable.ReadCsv(dataPath, labelColumn, [scoreColumn], cohortColumn);
        var summary = Evaluate(table, scoreColumn, trainingCohort);
        Directory.CreateDirectory(outDirectory);
        DurableFile.WriteAllText(Path.Combine(outDirectory, JsonFile), EvaluationJson.Serialize(summary));
        DurableFile.WriteAllText(Path.Combine(outDirectory, CsvFile), Csv(summary));
        return summary;
    }

    /// <summary>Evaluates one score column of <paramref name="table"/> across its cohorts, training first, then the others in order of appearance.</summary>
    public static CrossCohortSummary Evaluate(ScoreTable table, string scoreColumn, string trainingCohort)
    {
        var cohorts = table.Cohorts!.Select((cohort, row) => (cohort, row)).GroupBy(x => x.cohort, StringComparer.Ordinal)
            .Select(g => new CohortScores(g.Key, g.Select(x => table.Scores[scoreColumn][x.row]).ToArray(), g.Select(x => table.Labels[x.row]).ToArray()))
            .ToArray();
        var training = cohorts.FirstOrDefault(c => c.Name == trainingCohort)
            ?? throw new OlnmUserException(table.Source, $"training cohort '{trainingCohort}' is not in column '{table.CohortColumn}' (cohorts: {string.Join(", ", cohorts.Select(c => c.Name))}); name the cohort the model was fitted on with --training-cohort");
        return CrossCohortEvaluation.Evaluate(scoreColumn, training, cohorts.Where(c => c != training).ToArray());
    }

    /// <summary>One row per cohort: counts, AUC with CI, the carried cut-off and the threshold metrics with CIs, AUPRC, Brier.</summary>
    public static string Csv(CrossCohortSummary summary)
    {
        static string F(double value) => value.ToString("R", CultureInfo.InvariantCulture);
        var text = new StringBuilder("model,cohort,cutoff_fitted_here,cases,positives,auc,auc_ci_lower,auc_ci_upper,cutoff,accuracy,accuracy_ci_lower,accuracy_ci_upper,sensitivity,sensitivity_ci_lower,sensitivity_ci_upper,specificity,specificity_ci_lower,specificity_ci_upper,ppv,ppv_ci_lower,ppv_ci_upper,npv,npv_ci_lower,npv_ci_upper,auprc,brier\n");
        foreach (var c in summary.Cohorts)
        {
            var t = c.AtTrainingCutoff;
            text.AppendJoin(',', [
                summary.Model, c.Cohort, c.IsTraining ? "true" : "false",
                (c.Auc.Positives + c.Auc.Negatives).ToString(CultureInfo.InvariantCulture), c.Auc.Positives.ToString(CultureInfo.InvariantCulture),
                F(c.Auc.Auc), F(c.Auc.CiLower), F(c.Auc.CiUpper), F(t.Threshold),
                F(t.Accuracy.Estimate), F(t.Accuracy.CiLower), F(t.Accuracy.CiUpper),
                F(t.Sensitivity.Estimate), F(t.Sensitivity.CiLower), F(t.Sensitivity.CiUpper),
                F(t.Specificity.Estimate), F(t.Specificity.CiLower), F(t.Specificity.CiUpper),
                F(t.PositivePredictiveValue.Estimate), F(t.PositivePredictiveValue.CiLower), F(t.PositivePredictiveValue.CiUpper),
                F(t.NegativePredictiveValue.Estimate), F(t.NegativePredictiveValue.CiLower), F(t.NegativePredictiveValue.CiUpper),
                F(c.AveragePrecision), F(c.BrierScore)]).Append('\n');
        }

        return text.ToString();
    }
}
