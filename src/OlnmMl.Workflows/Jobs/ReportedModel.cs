using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Store;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Jobs;

/// <summary>The best trial of one model family (radiomics SVM, deep-only, each fusion mode) and its predictions.</summary>
public sealed record ReportedModel(TrialRecord Trial, ModelPredictions Predictions)
{
    /// <summary>The family label of a trial: its kind, plus the fusion mode for fusion trials (e.g. "fusion concat*").</summary>
    public static string Label(TrialRecord trial)
    {
        var kind = trial.Parameters.GetCategory(ExperimentDefinition.TrialKindParameter);
        return kind == "fusion" && trial.Parameters.ContainsKey("fusion") ? $"fusion {trial.Parameters.GetCategory("fusion")}" : kind;
    }
}
