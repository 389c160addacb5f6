using Microsoft.ML;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Svm;

/// <summary>Catalog entry points: <c>mlContext.BinaryClassification.Trainers.KernelSvm(...)</c>.</summary>
public static class KernelSvmCatalog
{
    /// <summary>A kernel C-SVC with Platt probabilities (see <see cref="KernelSvmTrainer"/>).</summary>
    /// <param name="catalog">The binary-classification trainers catalog.</param>
    /// <param name="labelColumnName">Boolean label column.</param>
    /// <param name="featureColumnName">Known-size Single vector column.</param>
    /// <param name="kernel">Kernel family.</param>
    /// <param name="c">Box constraint C.</param>
    /// <param name="gamma">γ; null means <see cref="SvmGamma.Scale"/>.</param>
    /// <param name="seed">Seed of the Platt cross-validation folds.</param>
    public static KernelSvmTrainer KernelSvm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog,
        string labelColumnName = DefaultColumnNames.Label, string featureColumnName = DefaultColumnNames.Features,
        KernelType kernel = KernelType.Rbf, double c = 1.0, SvmGamma? gamma = null, int seed = 0) =>
        new(new KernelSvmOptions
        {
            LabelColumnName = labelColumnName,
            FeatureColumnName = featureColumnName,
            Kernel = kernel,
            C = c,
            Gamma = gamma ?? SvmGamma.Scale,
            Seed = seed,
        });

    /// <summary>A kernel C-SVC configured by <paramref name="options"/>.</summary>
    public static KernelSvmTrainer KernelSvm(this BinaryClassificationCatalog.BinaryClassificationTrainers catalog, KernelSvmOptions options) =>
        new(options);
}
