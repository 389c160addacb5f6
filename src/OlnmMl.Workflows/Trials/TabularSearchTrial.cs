using OlnmMl.AutoML.Spaces;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// A search over tabular pipelines beyond the published one, built from OlnmMl.Learners' steps: z-score normalisation
/// fitted on the training cases → a feature selector → a classifier, on the radiomics, optionally followed by the
/// clinical variables (<see cref="ClinicalFeatures"/>, label-free, the same in every fold). Parameters (defaults give the
/// published radiomics-svm pipeline):
/// <c>features</c> = <c>radiomics</c> | <c>radiomics+clinical</c>;
/// <c>selector</c> = <c>cart</c> (one CART tree's Gini top-k, <see cref="DecisionTreeSelectionOptions"/>) | <c>tree-gain</c>
/// (FastTree split-gain top-k, <see cref="TreeEnsembleGainSelectionOptions"/>) | <c>mrmr</c> (<see cref="MrmrSelectionOptions"/>) |
/// <c>lasso</c> (non-zero coefficients at the CV λ, <see cref="LassoSelectionOptions"/>) | <c>utest-lasso</c> (Mann–Whitney
/// p &lt; <c>utest-alpha</c>, default 0.05, then LASSO); <c>top-k</c> (default 10, capped at the feature count);
/// <c>classifier</c> = <c>svm</c> (RBF, <c>svm-c</c> default 1, <c>svm-gamma</c> default scale) | <c>logistic</c> (ML.NET's L-BFGS
/// logistic regression with ridge penalty <c>logistic-l2</c>, default 1, no L1) | <c>lightgbm</c> | <c>fasttree</c> (<c>trees</c>
/// default 100, <c>leaves</c> 20, <c>tree-learning-rate</c> 0.2, <c>min-leaf</c> 10); <c>target</c> (<see cref="TrialTarget"/>).
/// Every step exports to ONNX, so the trial's model is exported as one graph like radiomics-svm. Artefact: the model directory <c>model/</c>.
/// </summary>
public sealed class TabularSearchTrial : TabularTrial
{
    /// <summary>The kind's name.</summary>
    public const string KindName = "tabular-search";

    /// <summary>The values of the <c>selector</c> parameter.</summary>
    public static IReadOnlyList<string> Selectors { get; } = ["cart", "tree-gain", "mrmr", "lasso", "utest-lasso"];

    /// <summary>The values of the <c>classifier</c> parameter.</summary>
    public static IReadOnlyList<string> Classifiers { get; } = ["svm", "logistic", "lightgbm", "fasttree"];

    /// <summary>The values of the <c>features</c> parameter.</summary>
    public static IReadOnlyList<string> FeatureSets { get; } = [Radiomics, RadiomicsAndClinical];

    private const string Radiomics = "radiomics";
    private const string RadiomicsAndClinical = "radiomics+clinical";

    private readonly ClinicalFeatures _clinical;

    /// <summary>The kind over the radiomics and clinical variables of <paramref name="study"/>.</summary>
    public TabularSearchTrial(StudyData study) : base(study) => _clinical = ClinicalFeatures.Of(study.Cases.Select(c => c.Case).ToArray());

    /// <inheritdoc />
    public override string Name => KindName;

    /// <summary>The radiomics features (the <c>radiomics</c> feature set).</summary>
    public override IReadOnlyList<string> FeatureNames => Study.RadiomicsNames;

    /// <inheritdoc />
    public override float[] FeaturesOf(StudyCase studyCase) => studyCase.Radiomics;

    /// <summary>The radiomics, followed by the clinical variables when <c>features</c> is <c>radiomics+clinical</c>.</summary>
    protected override TrialFeatures Features(ParameterSet parameters) => WithClinical(parameters, new TrialFeatures(FeatureNames, FeaturesOf));

    /// <summary>A fold's radiomics (<see cref="RadiomicsSvmTrial.FoldRadiomics"/>), followed by the clinical variables when asked for.</summary>
    protected override TrialFeatures FitFeatures(ParameterSet parameters, IReadOnlyList<StudyCase> training) =>
        WithClinical(parameters, RadiomicsSvmTrial.FoldRadiomics(Study, training));

    private TrialFeatures WithClinical(ParameterSet parameters, TrialFeatures radiomics)
    {
        var set = TrialParameters.Text(parameters, "features", Radiomics);
        if (set == Radiomics)
        {
            return radiomics;
        }

        if (set != RadiomicsAndClinical)
        {
            throw new OlnmUserException($"trial parameter features: '{set}' is not one of {string.Join(", ", FeatureSets)}");
        }

        return new TrialFeatures([.. radiomics.Names, .. _clinical.Names], c => [.. radiomics.Of(c), .. _clinical.Of(c.Case)]);
    }

    /// <inheritdoc />
    public override TabularPipeline Pipeline(ParameterSet parameters, IReadOnlyList<string> features, int seed) =>
        SearchPipeline(KindName, parameters, features.Count, seed);

    /// <summary>
    /// The z-score → selector → classifier pipeline of <paramref name="parameters"/> (the <c>selector</c>, <c>classifier</c>
    /// and hyper-parameter vocabulary above; the defaults give the published CART top-10 → RBF SVM) over
    /// <paramref name="featureCount"/> features, named <paramref name="name"/>.
    /// </summary>
    /// <exception cref="OlnmUserException">The selector or classifier is not one of the known names.</exception>
    public static TabularPipeline SearchPipeline(string name, ParameterSet parameters, int featureCount, int seed)
    {
        var builder = new TabularPipelineBuilder(name).NormalizeMeanVariance();
        var topK = Math.Min(featureCount, (int)TrialParameters.Number(parameters, "top-k", 10));
        var lasso = new LassoSelectionOptions { Seed = seed };
        builder = TrialParameters.Text(parameters, "selector", "cart") switch
        {
            "cart" => builder.Select(new DecisionTreeSelectionOptions { TopK = topK }),
            "tree-gain" => builder.Select(new TreeEnsembleGainSelectionOptions { TopK = topK, Seed = seed }),
            "mrmr" => builder.Select(new MrmrSelectionOptions { TopK = topK }),
            "lasso" => builder.Select(lasso),
            "utest-lasso" => builder.Select(new UTestSelectionOptions { Alpha = TrialParameters.Number(parameters, "utest-alpha", 0.05) }).Select(lasso),
            var other => throw new OlnmUserException($"trial parameter selector: '{other}' is not one of {string.Join(", ", Selectors)}"),
        };
        var trees = new BoostedTreesOptions
        {
            NumberOfTrees = (int)TrialParameters.Number(parameters, "trees", 100),
            NumberOfLeaves = (int)TrialParameters.Number(parameters, "leaves", 20),
            LearningRate = TrialParameters.Number(parameters, "tree-learning-rate", 0.2),
            MinimumExampleCountPerLeaf = (int)TrialParameters.Number(parameters, "min-leaf", 10),
        };
        return (TrialParameters.Text(parameters, "classifier", "svm") switch
        {
            "svm" => builder.KernelSvm(new KernelSvmOptions
            {
                C = TrialParameters.Number(parameters, "svm-c", 1.0),
                Gamma = parameters.ContainsKey("svm-gamma") ? SvmGamma.Parse(parameters["svm-gamma"].ToString()) : SvmGamma.Scale,
                Seed = seed,
            }),
            "logistic" => builder.LbfgsLogistic(new LbfgsLogisticOptions { L2Regularization = TrialParameters.Number(parameters, "logistic-l2", 1.0), L1Regularization = 0 }),
            "lightgbm" => builder.LightGbm(trees),
            "fasttree" => builder.FastTree(trees),
            var other => throw new OlnmUserException($"trial parameter classifier: '{other}' is not one of {string.Join(", ", Classifiers)}"),
        }).Build();
    }
}
