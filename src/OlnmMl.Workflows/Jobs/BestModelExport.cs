using OlnmMl.AutoML.Experiments;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Networks;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Torch.Fusion;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;
using static TorchSharp.torch;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// Exports a sweep's best model as one ONNX graph — the tabular radiomics pipeline, or the fused
/// network with its radiomics normalisation and selection inside — and checks parity: ONNX Runtime's
/// probabilities on the external cohorts against the in-process predictions the sweep stored.
/// </summary>
public static class BestModelExport
{
    /// <summary>Cases per ONNX Runtime call when scoring images (bounds memory at 96³ crops).</summary>
    private const int Batch = 16;

    /// <summary>Writes <paramref name="onnxPath"/>; returns it with the largest |Δp| over <paramref name="externalCohorts"/>.</summary>
    public static (string Path, double MaxDifference) Export(
        ReportedModel best, StudyData study, StudyImages images, string artefactRoot, string onnxPath, IReadOnlyList<string> externalCohorts)
    {
        var kind = best.Trial.Parameters.GetCategory(ExperimentDefinition.TrialKindParameter);
        var metadata = new OnnxModelMetadata
        {
            Pipeline = best.Predictions.Model,
            Settings = best.Trial.Parameters.ToJson(),
            Seed = best.Trial.Seed,
            TrainingCohorts = [TrialCohorts.Training],
            Versions = best.Trial.Versions,
        };
        Func<IReadOnlyList<StudyCase>, OnnxScorer, float[]> score;
        if (kind == "radiomics-svm")
        {
            OnnxModelExport.ExportModelDirectory(Path.Combine(artefactRoot, best.Trial.Artefacts["model"]), onnxPath);
            score = (cases, scorer) => scorer.Predict(cases.SelectMany(c => c.Radiomics).ToArray(), [cases.Count, study.RadiomicsNames.Count]);
        }
        else
        {
            var usesRadiomics = ExportFusion(best, study, artefactRoot, onnxPath, metadata);
            score = (cases, scorer) => ScoreImages(cases, scorer, images, study, usesRadiomics);
        }

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

    private static bool ExportFusion(ReportedModel best, StudyData study, string artefactRoot, string onnxPath, OnnxModelMetadata metadata)
    {
        using var model = FusionModel.Load(Path.Combine(artefactRoot, best.Trial.Artefacts["network"]));
        var mode = FusionModeNames.Parse(model.Info.Mode);
        var weights = model.Network.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.cpu().data<float>().ToArray(), kv.Value.shape));
        FusedModelExporter.Export(
            new FusedModelDefinition
            {
                Weights = weights,
                ImageSize = model.Info.ImageEdge,
                RadiomicsFeatureNames = mode.UsesRadiomics() ? study.RadiomicsNames : [],
                Radiomics = mode.UsesRadiomics() ? RadiomicsPrefix.Load(Path.Combine(artefactRoot, best.Trial.Artefacts["radiomics"])) : null,
                Head = FusionHeadSpec.ForFusionNetwork(model.Info.Mode),
            },
            metadata,
            onnxPath);
        return mode.UsesRadiomics();
    }

    private static float[] ScoreImages(IReadOnlyList<StudyCase> cases, OnnxScorer scorer, StudyImages images, StudyData study, bool usesRadiomics)
    {
        var edge = images.Options.Edge;
        var channels = StudyImages.ChannelsOf(study);
        var output = new List<float>(cases.Count);
        foreach (var chunk in cases.Chunk(Batch))
        {
            var inputs = new Dictionary<string, OnnxInput>
            {
                [FusedModelExporter.ImageInput] = new(chunk.SelectMany(images.Crop).ToArray(), [chunk.Length, channels, edge, edge, edge]),
            };
            if (usesRadiomics)
            {
                inputs[FusedModelExporter.RadiomicsInput] = new(chunk.SelectMany(c => c.Radiomics).ToArray(), [chunk.Length, study.RadiomicsNames.Count]);
            }

            output.AddRange(scorer.Predict(inputs));
        }

        return [.. output];
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
