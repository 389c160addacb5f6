using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Evaluation.CrossCohort;

namespace OlnmMl.Evaluation.MLNet;

/// <summary>Reads the label and score columns of an ML.NET scored <see cref="IDataView"/> into <see cref="CohortScores"/>.</summary>
public static class ScoredDataView
{
    /// <summary>
    /// Copies one cohort's labels and scores out of <paramref name="scored"/> (the output of a trained
    /// pipeline's <c>Transform</c>). The label column may be Boolean, or Single/Double holding 0/1 (NaN is
    /// an error); the score column Single or Double (NaN kept as a missing score).
    /// </summary>
    /// <param name="scored">Scored data.</param>
    /// <param name="cohortName">Name of the cohort.</param>
    /// <param name="labelColumnName">Label column (default "Label").</param>
    /// <param name="scoreColumnName">Score column (default "Probability"; use "Score" for margins).</param>
    /// <exception cref="ArgumentException">A column is missing, of an unsupported type, or a label is not 0/1.</exception>
    public static CohortScores ToCohortScores(this IDataView scored, string cohortName, string labelColumnName = "Label", string scoreColumnName = "Probability")
    {
        ArgumentNullException.ThrowIfNull(scored);
        ArgumentException.ThrowIfNullOrWhiteSpace(cohortName);
        bool[] labels = ReadLabels(scored, labelColumnName, cohortName);
        double[] scores = ReadNumbers(scored, scoreColumnName, cohortName);
        return new CohortScores(cohortName, scores, labels);
    }

    private static bool[] ReadLabels(IDataView data, string column, string cohort)
    {
        DataViewType type = Column(data, column, cohort).Type;
        if (type is BooleanDataViewType) return data.GetColumn<bool>(column).ToArray();
        double[] values = ReadNumbers(data, column, cohort);
        var labels = new bool[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] != 0 && values[i] != 1)
            {
                throw new ArgumentException($"Cohort '{cohort}', label column '{column}', row {i}: value {values[i]} is not 0 or 1.", nameof(data));
            }

            labels[i] = values[i] == 1;
        }

        return labels;
    }

    private static double[] ReadNumbers(IDataView data, string column, string cohort)
    {
        DataViewType type = Column(data, column, cohort).Type;
        if (type == NumberDataViewType.Single) return data.GetColumn<float>(column).Select(v => (double)v).ToArray();
        if (type == NumberDataViewType.Double) return data.GetColumn<double>(column).ToArray();
        throw new ArgumentException($"Cohort '{cohort}', column '{column}' has type {type}; expected Single or Double (or Boolean for a label).", nameof(data));
    }

    private static DataViewSchema.Column Column(IDataView data, string column, string cohort)
    {
        DataViewSchema.Column? found = data.Schema.GetColumnOrNull(column);
        if (found is null || found.Value.IsHidden)
        {
            throw new ArgumentException($"Cohort '{cohort}': the scored data has no column '{column}' (columns: {string.Join(", ", data.Schema.Where(c => !c.IsHidden).Select(c => c.Name))}).", nameof(data));
        }

        return found.Value;
    }
}
