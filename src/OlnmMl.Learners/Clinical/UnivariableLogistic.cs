using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Clinical;

/// <summary>
/// The univariable block of a clinical table: for every column j of the predictor matrix its own model
/// logit P(y = 1) = β₀ + β_j x_j (<see cref="LogisticRegression"/>), and of it the slope row (β_j, Wald SE, z, p, OR, CI).
/// </summary>
public static class UnivariableLogistic
{
    /// <summary>The slope row of each column's own model; null for a column whose model cannot be fitted (constant, or separating the classes).</summary>
    /// <param name="matrix">Predictors and labels (training rows).</param>
    /// <param name="confidenceLevel">Level of the odds-ratio intervals.</param>
    /// <param name="maxIterations">Newton iterations allowed per model.</param>
    public static LogisticCoefficient?[] Fit(DenseFeatureMatrix matrix, double confidenceLevel = 0.95, int maxIterations = 100)
    {
        var labels = matrix.RequireLabels();
        var table = new LogisticCoefficient?[matrix.Features];
        var column = new double[matrix.Rows];
        for (int j = 0; j < matrix.Features; j++)
        {
            matrix.CopyColumn(j, column);
            try
            {
                table[j] = LogisticRegression.Fit(column, labels, [matrix.SlotNames[j]], confidenceLevel, maxIterations)[1];
            }
            catch (InvalidOperationException)
            {
                table[j] = null;
            }
        }
        return table;
    }
}
