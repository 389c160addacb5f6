using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// Builds ML.NET views of study cases' tabular columns: id, centre, the target label and <c>Features</c> (radiomics,
/// a fixed-size vector with slot names). Images never enter a view: deep trials read them through
/// <see cref="Trials.StudySamples"/>.
/// </summary>
public static class StudyViews
{
    /// <summary>A view of <paramref name="cases"/> labelled with <paramref name="target"/>.</summary>
    public static IDataView Create(MLContext ml, IReadOnlyList<StudyCase> cases, IReadOnlyList<string> featureNames, string target = Cohorts.Manifest.Targets.Default)
    {
        var definition = SchemaDefinition.Create(typeof(StudyRow));
        var features = definition[nameof(StudyRow.Features)];
        features.ColumnType = new VectorDataViewType(NumberDataViewType.Single, featureNames.Count);
        var slotNames = new VBuffer<ReadOnlyMemory<char>>(featureNames.Count, featureNames.Select(n => n.AsMemory()).ToArray());
        features.AddAnnotation("SlotNames", slotNames, new VectorDataViewType(TextDataViewType.Instance, featureNames.Count));
        var rows = cases.Select(c => new StudyRow
        {
            Id = c.Case.Id,
            Centre = c.Case.Centre,
            Label = c.Outcome(target),
            Features = c.Radiomics,
        }).ToArray();
        return ml.Data.LoadFromEnumerable(rows, definition);
    }
}
