using OlnmMl.Learners.Selection;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// The label-free choice of radiomics columns, fitted on a set of training rows: a column is kept when it is finite in
/// every training row and not constant over them (<see cref="FiniteNonConstantSelectionOptions.Keeps"/>, the pipeline step's rule); a non-finite value of a kept column in any other row is replaced by
/// the column's training median. Fitted once on the training cohort for the study (<see cref="StudyData"/>), and again
/// inside every leave-one-centre-out fold on that fold's training centres only.
/// </summary>
public sealed class RadiomicsColumns
{
    private readonly int[] _keep;
    private readonly float[] _medians;

    private RadiomicsColumns(int[] keep, float[] medians)
    {
        _keep = keep;
        _medians = medians;
    }

    /// <summary>Indices of the kept columns in the full table, ascending.</summary>
    public IReadOnlyList<int> Kept => _keep;

    /// <summary>Fits the choice on <paramref name="training"/> (full-width rows; at least one).</summary>
    public static RadiomicsColumns Fit(IReadOnlyList<float[]> training)
    {
        ArgumentOutOfRangeException.ThrowIfZero(training.Count);
        var keep = Enumerable.Range(0, training[0].Length)
            .Where(j => FiniteNonConstantSelectionOptions.Keeps(training.Select(row => (double)row[j])))
            .ToArray();
        return new RadiomicsColumns(keep, keep.Select(j => Median(training, j)).ToArray());
    }

    /// <summary>The kept columns of <paramref name="row"/>, non-finite values replaced by the training median; adds the replacements to <paramref name="imputed"/>.</summary>
    public float[] Apply(float[] row, ref int imputed)
    {
        var vector = new float[_keep.Length];
        for (var k = 0; k < _keep.Length; k++)
        {
            var value = row[_keep[k]];
            if (!float.IsFinite(value))
            {
                value = _medians[k];
                imputed++;
            }

            vector[k] = value;
        }

        return vector;
    }

    /// <summary>The kept columns of <paramref name="row"/> (see <see cref="Apply(float[], ref int)"/>).</summary>
    public float[] Apply(float[] row)
    {
        var ignored = 0;
        return Apply(row, ref ignored);
    }

    private static float Median(IReadOnlyList<float[]> training, int column)
    {
        var values = training.Select(r => r[column]).Order().ToArray();
        var middle = values.Length / 2;
        return values.Length % 2 == 1 ? values[middle] : (values[middle - 1] + values[middle]) / 2;
    }
}
