using OlnmMl.AutoML.Store;
using OlnmMl.Workflows.Reports;

namespace OlnmMl.Workflows.Jobs;

/// <summary>The best trial of one model family (its kind's <see cref="Trials.IStudyTrial.Describe"/>) and its predictions.</summary>
public sealed record ReportedModel(TrialRecord Trial, ModelPredictions Predictions);
