using OlnmMl.AutoML.Spaces;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The clinical model of the published studies: every clinical variable (<see cref="ClinicalFeatures"/>) screened by
/// univariable logistic regression on the training cohort, those with Wald p &lt; <c>p-enter</c> (default 0.1) entering
/// one multivariable logistic regression (<see cref="UnivariableLogisticSelectionOptions"/> then
/// <see cref="ClinicalLogisticTrainer"/>), both fitted on the training cases (the training cohort, or a leave-one-centre-out
/// fold's training centres); the variable list itself is label-free (present in every case) and the same in every fold. Parameters: <c>p-enter</c>, <c>target</c> (<see cref="TrialTarget"/>). Artefact: the model directory <c>model/</c>.
/// </summary>
public sealed class ClinicalTrial : TabularTrial
{
    private readonly ClinicalFeatures _features;

    /// <summary>The clinical trial kind over the variables of <paramref name="study"/>.</summary>
    public ClinicalTrial(StudyData study) : base(study) => _features = ClinicalFeatures.Of(study.Cases.Select(c => c.Case).ToArray());

    /// <inheritdoc />
    public override string Name => "clinical";

    /// <inheritdoc />
    public override IReadOnlyList<string> FeatureNames => _features.Names;

    /// <inheritdoc />
    public override float[] FeaturesOf(StudyCase studyCase) => _features.Of(studyCase.Case);

    /// <inheritdoc />
    /// <exception cref="OlnmUserException">The study offers no clinical variable.</exception>
    public override TabularPipeline Pipeline(ParameterSet parameters, IReadOnlyList<string> features, int seed)
    {
        if (features.Count == 0)
        {
            throw new OlnmUserException($"{Study.ManifestPath}: the clinical model needs clinical variables present in every case (age, sex, diameter, density, location or further columns); none are");
        }

        return new TabularPipelineBuilder("clinical")
            .Select(new UnivariableLogisticSelectionOptions { Alpha = TrialParameters.Number(parameters, "p-enter", 0.1) })
            .Logistic(new ClinicalLogisticOptions())
            .Build();
    }
}
