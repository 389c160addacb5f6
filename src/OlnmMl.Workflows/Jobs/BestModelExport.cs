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
            var spec = ExportFusion(best, study, images, artefactRoot, onnxPath, metadata);
            var usesRadiomics = spec.ParsedMode.UsesRadiomics();
            score = (cases, scorer) => ScoreImages(cases, scorer, images, study, spec, usesRadiomics);
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

    private static FusionNetworkSpec ExportFusion(ReportedModel best, StudyData study, StudyImages images, string artefactRoot, string onnxPath, OnnxModelMetadata metadata)
    {
        using var model = FusionModel.Load(Path.Combine(artefactRoot, best.Trial.Artefacts["network"]));
        var spec = model.Info.Network;
        var mode = spec.ParsedMode;
        var weights = model.Network.state_dict()
            .Where(kv => kv.Value.dtype == ScalarType.Float32)
            .ToDictionary(kv => kv.Key, kv => new ParameterTensor(kv.Value.cpu().data<float>().ToArray(), kv.Value.shape));
        FusedModelExporter.Export(
            new FusedModelDefinition
            {
                Weights = weights,
                Encoders = spec.Encoders
                    .Select(e => new EncoderInput(e.Name, e.ParameterPrefix, EncoderFamilies.Of(e.Architecture), e.Channels.Count, $"channels {string.Join(", ", e.Channels)}"))
                    .ToArray(),
                ImageSize = CubeEdge(spec),
                ImageRecipe = model.Info.ImageRecipe.Length > 0 ? model.Info.ImageRecipe : images.Options.Describe(),
                RadiomicsFeatureNames = mode.UsesRadiomics() ? study.RadiomicsNames : [],
                Radiomics = mode.UsesRadiomics() ? RadiomicsPrefix.Load(Path.Combine(artefactRoot, best.Trial.Artefacts["radiomics"])) : null,
                Head = FusionHeadSpec.ForFusionNetwork(model.Info.Mode),
            },
            metadata,
            onnxPath);
        return spec;
    }

    /// <summary>The cube edge S of an image input [C, S, S, S] (ONNX encoders take cubes).</summary>
    private static int CubeEdge(FusionNetworkSpec spec) => spec.ImageShape switch
    {
        [] => 0,
        [_, var d, var h, var w] when d == h && h == w => d,
        var shape => throw new NotSupportedException($"ONNX export takes cubic image inputs; this model's is [{string.Join(", ", shape)}]."),
    };

    /// <summary>ONNX Runtime's probabilities, the crops split into one input per encoder (its channels, in its order).</summary>
    private static float[] ScoreImages(IReadOnlyList<StudyCase> cases, OnnxScorer scorer, StudyImages images, StudyData study, FusionNetworkSpec spec, bool usesRadiomics)
    {
        var edge = images.Options.Edge;
        var cube = edge * edge * edge;
        var output = new List<float>(cases.Count);
        foreach (var chunk in cases.Chunk(Batch))
        {
            var inputs = new Dictionary<string, OnnxInput>();
            foreach (var encoder in spec.Encoders)
            {
                var channels = encoder.Channels.Select(images.Options.ChannelIndex).ToArray();
                var values = new float[chunk.Length * channels.Length * cube];
                for (var n = 0; n < chunk.Length; n++)
                {
                    var crop = images.Crop(chunk[n]);
                    for (var c = 0; c < channels.Length; c++)
                    {
                        crop.AsSpan(channels[c] * cube, cube).CopyTo(values.AsSpan(((n * channels.Length) + c) * cube, cube));
                    }
                }

                inputs[encoder.Name] = new(values, [chunk.Length, channels.Length, edge, edge, edge]);
            }

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
