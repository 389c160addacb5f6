using Microsoft.ML;
using Microsoft.ML.Calibrators;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers;
using Microsoft.ML.Trainers.FastTree;
using Microsoft.ML.Trainers.LightGbm;
using Microsoft.ML.Transforms;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Workflows.Reports;

/// <summary>One feature that reaches a tabular model's learner.</summary>
/// <param name="Name">The feature (slot) name.</param>
/// <param name="Score">The last selection step's score of the feature (<see cref="SelectedFeatures.ScoreMeaning"/>); null without a selection step.</param>
/// <param name="Weight">The learner's number for the feature: a coefficient or an importance; null where it has none.</param>
/// <param name="Meaning">What <paramref name="Weight"/> is, or why there is none (e.g. "RBF kernel: no per-feature weight").</param>
public sealed record SelectedFeature(string Name, double? Score, double? Weight, string Meaning);

/// <summary>
/// The papers' "selected features and rad-score coefficients" of a fitted <see cref="TabularModel"/>: the features the
/// last <see cref="FeatureSelectionTransformer"/> kept (every input feature without one), in the order the learner reads
/// them, each with its selection score and the learner's coefficient or importance:
/// <list type="bullet">
/// <item>ML.NET's L-BFGS logistic regression: β of logit P(y = 1) = b + Σ β_j x_j;</item>
/// <item>the clinical logistic model (<see cref="ClinicalLogisticTransformer"/>): its multivariable β (the OR table is
/// <see cref="OddsRatioTable"/> of <see cref="Signature"/>), none for a variable screened out or eliminated;</item>
/// <item>the kernel SVM: with a linear kernel the primal weight w_j = Σ_s c_s sv_{s,j} of f(x) = w·x + b; any other
/// kernel has no per-feature weight;</item>
/// <item>FastTree and LightGBM: the split-gain importance (ML.NET's <c>GetFeatureWeights</c>).</item>
/// </list>
/// The numbers are per unit of the feature as the learner sees it, i.e. after the pipeline's normalisation, which was
/// fitted on the training rows like every other step.
/// </summary>
/// <param name="Selection">The selection steps in order (e.g. "utest, then lasso"), or "none (every input feature)".</param>
/// <param name="ScoreMeaning">What the selection score is (e.g. "CART Gini importance"); empty without a selection step.</param>
/// <param name="ScoreIsP">Whether the selection score is a p-value (printed as one).</param>
/// <param name="Learner">The learner (e.g. "RBF kernel SVM", "L-BFGS logistic regression").</param>
/// <param name="Intercept">The learner's intercept (b, β₀) where it has one.</param>
/// <param name="Rows">One row per feature reaching the learner, in the order it reads them.</param>
/// <param name="Signature">The clinical logistic model's signature (univariable and multivariable rows), or null for another learner.</param>
public sealed record SelectedFeatures(
    string Selection, string ScoreMeaning, bool ScoreIsP, string Learner, double? Intercept, IReadOnlyList<SelectedFeature> Rows, ClinicalSignature? Signature)
{
    /// <summary>What each selection method's score is (<see cref="FeatureSelectionOptions.MethodName"/>).</summary>
    private static readonly Dictionary<string, string> ScoreMeanings = new()
    {
        ["decision-tree"] = "CART Gini importance",
        ["tree-ensemble-gain"] = "FastTree split gain",
        ["mrmr"] = "mutual information with the label",
        ["lasso"] = "|β| of the z-scored feature at the cross-validated λ",
        ["utest"] = "Mann–Whitney U p",
        ["univariable-logistic"] = "univariable Wald p",
        ["variance"] = "variance",
        ["correlation"] = "largest |r| with a kept feature",
        ["icc"] = "ICC between the two extractions",
    };

    /// <summary>The selection methods whose score is a p-value (printed as one).</summary>
    private static readonly HashSet<string> PValueMethods = ["utest", "univariable-logistic"];

    /// <summary>Reads the selection and the learner's numbers of <paramref name="model"/> (see the type).</summary>
    /// <param name="model">A fitted or loaded tabular model whose last step is its learner.</param>
    public static SelectedFeatures Of(TabularModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var steps = model.Transformers;
        var selections = steps.OfType<FeatureSelectionTransformer>().ToArray();
        var last = selections.LastOrDefault();
        var names = last?.SelectedSlotNames ?? model.Manifest.Features;
        var unit = steps.Take(steps.Count - 1).Any(s => s is NormalizingTransformer) ? "per unit of the normalised feature" : "per unit of the feature";
        var (learner, intercept, weights, meaning, signature) = Learned(steps[^1], names.Count, unit);
        var rows = names.Select((name, k) => new SelectedFeature(
            name, last is null ? null : last.Scores[last.SelectedIndices[k]], weights[k], weights[k] is null && signature is not null ? "not in the multivariable model" : meaning)).ToArray();
        return new SelectedFeatures(
            selections.Length == 0 ? "none (every input feature)" : string.Join(", then ", selections.Select(s => s.Method)),
            last is null ? "" : ScoreMeanings.GetValueOrDefault(last.Method, $"{last.Method} score"),
            last is not null && PValueMethods.Contains(last.Method),
            learner, intercept, rows, signature);
    }

    private static (string Learner, double? Intercept, double?[] Weights, string Meaning, ClinicalSignature? Signature) Learned(ITransformer learner, int features, string unit)
    {
        switch (learner)
        {
            case KernelSvmPredictionTransformer { Model: var svm } when svm.Kernel.Type == KernelType.Linear:
                var w = new double?[features];
                for (int j = 0; j < features; j++)
                {
                    var sum = 0.0;
                    for (int s = 0; s < svm.SupportVectorCount; s++) sum += svm.DualCoefficients.Span[s] * svm.SupportVector(s)[j];
                    w[j] = sum;
                }

                return ("linear kernel SVM", svm.Bias, w, $"weight w of the decision value, {unit}", null);
            case KernelSvmPredictionTransformer { Model: var svm }:
                return ($"{KernelName(svm.Kernel.Type)} kernel SVM", null, new double?[features], $"{KernelName(svm.Kernel.Type)} kernel: no per-feature weight", null);
            case ClinicalLogisticTransformer clinical:
                var input = clinical.InputWeights();
                double?[] beta = [.. clinical.Signature.Rows.Select((row, j) => row.Entry == SignatureEntry.InModel ? input[j] : (double?)null)];
                return ("multivariable logistic regression", clinical.Intercept, beta, $"β (log-odds {unit})", clinical.Signature);
            case ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase { SubModel: LinearBinaryModelParameters linear } }:
                return ("L-BFGS logistic regression", linear.Bias, [.. linear.Weights.Select(v => (double?)v)], $"β (log-odds {unit})", null);
            case ISingleFeaturePredictionTransformer<object> { Model: CalibratedModelParametersBase { SubModel: TreeEnsembleModelParametersBasedOnRegressionTree trees } }:
                var gains = default(VBuffer<float>);
                trees.GetFeatureWeights(ref gains);
                var name = trees is LightGbmBinaryModelParameters ? "LightGBM" : "FastTree";
                return (name, null, [.. gains.DenseValues().Select(v => (double?)v)], $"{name} split-gain importance", null);
            default:
                return (learner.GetType().Name, null, new double?[features], "no per-feature weight", null);
        }
    }

    private static string KernelName(KernelType type) => type switch
    {
        KernelType.Rbf => "RBF",
        KernelType.Polynomial => "polynomial",
        _ => "sigmoid",
    };
}
