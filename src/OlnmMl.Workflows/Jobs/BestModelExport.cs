using OlnmMl.AutoML.Experiments;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// Exports a sweep's best model as one ONNX graph through its trial kind's <see cref="IStudyTrial.Export"/> and checks
/// parity: ONNX Runtime's probabilities on the external cohorts against the in-process predictions the sweep stored.
/// </summary>
public static class BestModelExport
{
    /// <summary>
    /// Writes <paramref name="onnxPath"/>, its metadata naming the cohorts the model was fitted on under
    /// <paramref name="data"/>'s selection; returns it with the largest |Δp| over the experiment's external cohorts.
    /// </summary>
    public static (string Path, double MaxDifference) Export(
        ReportedModel best, StudyTrials trials, StudyData study, string artefactRoot, string onnxPath, ExperimentData data)
    {
        var externalCohorts = data.ExternalCohorts;
        var metadata = new OnnxModelMetadata
        {
            Pipeline = best.Predictions.Model,
            Settings = best.Trial.Parameters.ToJson(),
            Seed = best.Trial.Seed,
            TrainingCohorts = TrialCohorts.FittedOn(data),
            Versions = best.Trial.Versions,
        };
        var score = trials.Of(best.Trial.Parameters).Export(best.Trial, artefactRoot, onnxPath, metadata);
        using var onnx = new OnnxScorer(onnxPath);
        var maxDifference = 0.0;
        foreach (var cohort in best.Predictions.Cohorts.Where(c => externalCohorts.Contains(c.Cohort)))
        {
            var cases = study.Cohort(cohort.Cohort);
            var actual = score(cases, onnx);
            var expected = cases.Select(c => cohort.Probabilities[IndexOf(cohort.CaseIds, c.Case.Id)]).ToArray();
            maxDifference = Math.Max(maxDifference, expected.Select((e, i) => Math.Abs(e - actual[i])).Max());
        }

        return (onnxPath, maxDifference);
    }

    private static int IndexOf(IReadOnlyList<string> ids, string id)
    {
        for (var i = 0; i < ids.Count; i++)
        {
            if (ids[i] == id)
            {
                return i;
            }
        }

        throw new InvalidDataException($"The stored predictions lack case '{id}'.");
    }
}
