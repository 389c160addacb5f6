using OlnmMl.AutoML.Spaces;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The published radiomics model: z-score normalisation fitted on the training cases (the training cohort, or a leave-one-centre-out fold's training centres) → the
/// <c>top-k</c> features of a single CART tree's Gini importance → RBF kernel SVM with Platt
/// probabilities (<c>svm-c</c>), as an OlnmMl.Learners tabular pipeline. Parameters: <c>top-k</c>
/// (default 10), <c>svm-c</c> (default 1), <c>target</c> (<see cref="TrialTarget"/>). Artefact: the model directory <c>model/</c>.
/// </summary>
public sealed class RadiomicsSvmTrial(StudyData study) : TabularTrial(study)
{
    /// <inheritdoc />
    public override string Name => "radiomics-svm";

    /// <inheritdoc />
    public override IReadOnlyList<string> FeatureNames => Study.RadiomicsNames;

    /// <inheritdoc />
    public override float[] FeaturesOf(StudyCase studyCase) => studyCase.Radiomics;

    /// <summary>A fold's radiomics (<see cref="FoldRadiomics"/>).</summary>
    protected override TrialFeatures FitFeatures(ParameterSet parameters, IReadOnlyList<StudyCase> training) => FoldRadiomics(Study, training);

    /// <summary>A fold's radiomics: the column choice of <see cref="RadiomicsColumns"/> refitted on the fold's training cases from the extracted rows.</summary>
    internal static TrialFeatures FoldRadiomics(StudyData study, IReadOnlyList<StudyCase> training)
    {
        var columns = RadiomicsColumns.Fit(training.Select(study.Extracted).ToArray());
        return new TrialFeatures(columns.Kept.Select(j => study.ExtractedNames[j]).ToArray(), c => columns.Apply(study.Extracted(c)));
    }

    /// <inheritdoc />
    public override TabularPipeline Pipeline(ParameterSet parameters, IReadOnlyList<string> features, int seed) => Pipeline(parameters, features.Count, seed);

    /// <summary>The pipeline for <paramref name="parameters"/> over <paramref name="featureCount"/> radiomics features.</summary>
    public static TabularPipeline Pipeline(ParameterSet parameters, int featureCount, int seed) =>
        new TabularPipelineBuilder("radiomics-svm")
            .NormalizeMeanVariance()
            .Select(new DecisionTreeSelectionOptions { TopK = Math.Min(featureCount, (int)TrialParameters.Number(parameters, "top-k", 10)) })
            .KernelSvm(new KernelSvmOptions { C = TrialParameters.Number(parameters, "svm-c", 1.0), Seed = seed })
            .Build();
}
