using Microsoft.ML;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Workflows.Reports;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Jobs;

/// <summary>The selected features (<see cref="SelectedFeatures"/>) of a report's tabular models, read from their trials' saved model folders.</summary>
public static class ReportedFeatures
{
    /// <summary>
    /// By model name, the selected features of each of <paramref name="models"/> whose trial kind is a <see cref="TabularTrial"/>
    /// (radiomics-svm, tabular-search, clinical), read from its <see cref="TabularTrial.ModelDirectory"/> under <paramref name="artefactRoot"/>.
    /// </summary>
    /// <param name="models">The report's models (the best trial of each family).</param>
    /// <param name="trials">The study's trial kinds.</param>
    /// <param name="artefactRoot">The folder the trials' artefact paths are relative to.</param>
    public static IReadOnlyDictionary<string, SelectedFeatures> Of(IReadOnlyList<ReportedModel> models, StudyTrials trials, string artefactRoot) =>
        models.Where(m => trials.Of(m.Trial.Parameters) is TabularTrial)
            .ToDictionary(
                m => m.Predictions.Model,
                m => SelectedFeatures.Of(TabularModel.Load(new MLContext(m.Trial.Seed), Path.Combine(artefactRoot, m.Trial.Artefacts["model"]))));
}
