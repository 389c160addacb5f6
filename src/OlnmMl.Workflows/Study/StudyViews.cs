using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// Builds ML.NET views of study cases with fixed-size vector columns: <c>Features</c> (radiomics, with
/// slot names) and, when an image source is given, <c>Image</c> of <c>imageLength</c> floats.
/// </summary>
public static class StudyViews
{
    /// <summary>A view of <paramref name="cases"/> labelled with <paramref name="target"/>; <paramref name="image"/> supplies each case's crop.</summary>
    public static IDataView Create(
        MLContext ml, IReadOnlyList<StudyCase> cases, IReadOnlyList<string> featureNames, Func<StudyCase, float[]>? image = null, int imageLength = 0,
        string target = Cohorts.Manifest.Targets.Default)
    {
        var definition = SchemaDefinition.Create(typeof(StudyRow));
        var features = definition[nameof(StudyRow.Features)];
        features.ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureNames.Count);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(featureNames.Count, featureNames.Select(n => n.AsMemory()).ToArray());
        features.AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, featureNames.Count));
        definition[nameof(StudyRow.Image)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, Math.Max(imageLength, 1));
        var rows = cases.Select(c => new StudyRow
        {
            Id = c.Case.Id,
            Centre = c.Case.Centre,
            Label = c.Outcome(target),
            Features = c.Radiomics,
            Image = image is null ? [0f] : Checked(image(c), imageLength, c.Case.Id),
        }).ToArray();
        return ml.Data.LoadFromEnumerable(rows, definition);
    }

    /// <summary>The <c>Probability</c> column of a scored view, in row order.</summary>
    public static double[] Probabilities(IDataView scored) =>
        scored.GetColumn<float>("Probability").Select(p => (double)p).ToArray();

    private static float[] Checked(float[] image, int length, string id) =>
        image.Length == length ? image : throw new InvalidDataException($"case '{id}': image crop has {image.Length} values, expected {length}");
}
