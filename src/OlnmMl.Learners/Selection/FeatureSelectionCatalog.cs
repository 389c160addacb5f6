using Microsoft.ML;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Statistics;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Catalog entry points: <c>mlContext.Transforms.SelectFeaturesBy…(…)</c> and <c>SelectFiniteNonConstantFeatures()</c>. Each returns a
/// <see cref="FeatureSelectionEstimator"/>; fit it on training rows only. Exportable to ONNX as a Gather of
/// <see cref="FeatureSelectionTransformer.SelectedIndices"/>.
/// </summary>
public static class FeatureSelectionCatalog
{
    /// <summary>Top-k by single CART tree Gini importance (<see cref="DecisionTreeSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByDecisionTree(this TransformsCatalog catalog, int topK = 10,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new DecisionTreeSelectionOptions { TopK = topK, LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });

    /// <summary>Top-k by single CART tree Gini importance.</summary>
    public static FeatureSelectionEstimator SelectFeaturesByDecisionTree(this TransformsCatalog catalog, DecisionTreeSelectionOptions options) => new(options);

    /// <summary>Top-k by FastTree ensemble gain (<see cref="TreeEnsembleGainSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByTreeEnsembleGain(this TransformsCatalog catalog, int topK = 10,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new TreeEnsembleGainSelectionOptions { TopK = topK, LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });

    /// <summary>Top-k by FastTree ensemble gain.</summary>
    public static FeatureSelectionEstimator SelectFeaturesByTreeEnsembleGain(this TransformsCatalog catalog, TreeEnsembleGainSelectionOptions options) => new(options);

    /// <summary>Mann–Whitney U-test p &lt; α (<see cref="UTestSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByUTest(this TransformsCatalog catalog, double alpha = 0.05,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new UTestSelectionOptions { Alpha = alpha, LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });

    /// <summary>Mann–Whitney U-test p &lt; α.</summary>
    public static FeatureSelectionEstimator SelectFeaturesByUTest(this TransformsCatalog catalog, UTestSelectionOptions options) => new(options);

    /// <summary>Univariable logistic screen: keeps features whose Wald p &lt; <paramref name="alpha"/> (<see cref="UnivariableLogisticSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByUnivariableLogistic(this TransformsCatalog catalog, double alpha = 0.1,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new UnivariableLogisticSelectionOptions { Alpha = alpha, FeatureColumnName = featureColumnName, LabelColumnName = labelColumnName });

    /// <summary>Univariable logistic screen with all options.</summary>
    public static FeatureSelectionEstimator SelectFeaturesByUnivariableLogistic(this TransformsCatalog catalog, UnivariableLogisticSelectionOptions options) => new(options);

    /// <summary>ICC against a second extraction of the training rows ≥ threshold (<see cref="IccSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByIcc(this TransformsCatalog catalog, IDataView secondExtraction,
        double threshold = 0.75, IccForm form = IccForm.Consistency31, string featureColumnName = DefaultColumnNames.Features) =>
        new(new IccSelectionOptions { SecondExtraction = secondExtraction, Threshold = threshold, Form = form, FeatureColumnName = featureColumnName });

    /// <summary>ICC against a second extraction ≥ threshold.</summary>
    public static FeatureSelectionEstimator SelectFeaturesByIcc(this TransformsCatalog catalog, IccSelectionOptions options) => new(options);

    /// <summary>Non-zero LASSO-logistic coefficients at a cross-validated λ (<see cref="LassoSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByLasso(this TransformsCatalog catalog, int folds = 5, int seed = 0,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new LassoSelectionOptions { Folds = folds, Seed = seed, LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });

    /// <summary>Non-zero LASSO-logistic coefficients at a cross-validated λ.</summary>
    public static FeatureSelectionEstimator SelectFeaturesByLasso(this TransformsCatalog catalog, LassoSelectionOptions options) => new(options);

    /// <summary>mRMR (MID) top-k (<see cref="MrmrSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByMrmr(this TransformsCatalog catalog, int topK = 10,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features) =>
        new(new MrmrSelectionOptions { TopK = topK, LabelColumnName = labelColumnName, FeatureColumnName = featureColumnName });

    /// <summary>mRMR (MID) top-k.</summary>
    public static FeatureSelectionEstimator SelectFeaturesByMrmr(this TransformsCatalog catalog, MrmrSelectionOptions options) => new(options);

    /// <summary>Variance &gt; threshold (<see cref="VarianceSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByVariance(this TransformsCatalog catalog, double threshold = 0,
        string featureColumnName = DefaultColumnNames.Features) =>
        new(new VarianceSelectionOptions { Threshold = threshold, FeatureColumnName = featureColumnName });

    /// <summary>Greedy |r| ≤ threshold redundancy filter (<see cref="CorrelationSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFeaturesByCorrelation(this TransformsCatalog catalog, double threshold = 0.9,
        string featureColumnName = DefaultColumnNames.Features) =>
        new(new CorrelationSelectionOptions { Threshold = threshold, FeatureColumnName = featureColumnName });

    /// <summary>Finite on every training row and not constant there: the main job's column rule (<see cref="FiniteNonConstantSelectionOptions"/>).</summary>
    public static FeatureSelectionEstimator SelectFiniteNonConstantFeatures(this TransformsCatalog catalog,
        string featureColumnName = DefaultColumnNames.Features) =>
        new(new FiniteNonConstantSelectionOptions { FeatureColumnName = featureColumnName });
}
