using System.CommandLine;
using System.Globalization;
using OlnmMl.Cli.Terminal;
using OlnmMl.Evaluation.Reports;
using OlnmMl.Evaluation.Thresholds;

namespace OlnmMl.Cli.Commands;

/// <summary><c>olnm evaluate</c>: scores + labels + cohorts → the papers' per-cohort table, cut-off carried from training.</summary>
internal static class EvaluateCommand
{
    public static Command Create()
    {
        var data = new Option<string>("--data") { Required = true, Description = "CSV of per-case scores (e.g. what 'olnm predict' writes)." };
        var label = new Option<string>("--label") { Description = "Label column (1/0 or true/false).", DefaultValueFactory = _ => "label" };
        var score = new Option<string>("--score") { Description = "Score column (higher = positive).", DefaultValueFactory = _ => "score" };
        var cohort = new Option<string>("--cohort-column") { Description = "Cohort column.", DefaultValueFactory = _ => "cohort" };
        var training = new Option<string>("--training-cohort") { Description = "The cohort the model was fitted on: its Youden cut-off is carried to every other cohort.", DefaultValueFactory = _ => "train" };
        var output = new Option<string>("--out") { Description = "Folder for evaluation.json and evaluation.csv.", DefaultValueFactory = _ => "evaluation" };
        var command = new Command("evaluate", "Per-cohort AUC (DeLong 95% CI), and at the training cohort's Youden cut-off accuracy, sensitivity, specificity, PPV, NPV (Wilson 95% CIs), AUPRC, Brier, aAUC; printed and written as JSON and CSV.")
        {
            data, label, score, cohort, training, output,
        };
        CommandAction.Set(command, parse =>
        {
            var summary = ScoreEvaluation.Run(parse.GetValue(data)!, parse.GetValue(label)!, parse.GetValue(score)!, parse.GetValue(cohort)!, parse.GetValue(training)!, parse.GetValue(output)!);
            static string P(Proportion p) => StatisticText.Interval(p.Estimate, p.CiLower, p.CiUpper);
            Output.Line(string.Create(CultureInfo.InvariantCulture, $"cut-off {summary.TrainingCutoff.Threshold:G4}, the Youden cut-off of cohort '{summary.TrainingCohort}', carried to every cohort; {summary.Direction}"));
            foreach (var c in summary.Cohorts)
            {
                var t = c.AtTrainingCutoff;
                Output.Line(
                    $"{c.Cohort}: {c.Auc.Positives + c.Auc.Negatives} cases ({c.Auc.Positives} positive), AUC {StatisticText.Interval(c.Auc.Auc, c.Auc.CiLower, c.Auc.CiUpper)}; accuracy {P(t.Accuracy)}, sensitivity {P(t.Sensitivity)}, specificity {P(t.Specificity)}, PPV {P(t.PositivePredictiveValue)}, NPV {P(t.NegativePredictiveValue)}; AUPRC {StatisticText.Value(c.AveragePrecision)}");
            }

            Output.Line($"aAUC {StatisticText.Value(summary.AverageAuc.Mean)} ± {StatisticText.Value(summary.AverageAuc.StandardDeviation)} over {string.Join(", ", summary.AverageAuc.Cohorts)}");
            Output.Line($"wrote {Path.Combine(parse.GetValue(output)!, ScoreEvaluation.JsonFile)} and {ScoreEvaluation.CsvFile}");
            return 0;
        });
        return command;
    }
}
