using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Selection;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// ICC reproducibility selection against a second extraction stored as a feature table; YAML
/// <c>select: {method: icc, second_extraction: retest.csv, id_column: id, threshold: 0.75, form: consistency31}</c>.
/// At fit time the second table's rows are matched to the training rows by id (every training id must be present),
/// its features are read in the training feature order and passed through the steps fitted before this one, so both
/// extractions are compared in the same space.
/// </summary>
/// <param name="secondExtractionCsv">The second extraction's feature table (a relative YAML path is resolved against the YAML's folder).</param>
/// <param name="idColumn">Id column of the second table.</param>
/// <param name="options">ICC threshold and form (its <see cref="IccSelectionOptions.SecondExtraction"/> is set at fit time).</param>
public sealed class IccSelectStep(string secondExtractionCsv, string idColumn, IccSelectionOptions options) : TabularStep
{
    /// <inheritdoc />
    public override string Kind => "select";

    /// <summary>Path of the second extraction's feature table.</summary>
    public string SecondExtractionCsv { get; } = secondExtractionCsv;

    /// <summary>Id column of the second table.</summary>
    public string IdColumn { get; } = idColumn;

    /// <summary>ICC threshold and form.</summary>
    public IccSelectionOptions IccOptions { get; } = options;

    /// <inheritdoc />
    public override object? Options => IccOptions;

    /// <inheritdoc />
    /// <exception cref="FeatureTableException">When the training data has no Id column or the second table lacks a training id.</exception>
    public override IEstimator<ITransformer> CreateEstimator(MLContext ml, TabularFitContext context)
    {
        var training = context.Training;
        var idColumn = training.Schema.GetColumnOrNull("Id")
            ?? throw new FeatureTableException("ICC selection from a feature table needs the training rows' Id column (load the training data with FeatureTable).");
        var features = training.Schema[IccOptions.FeatureColumnName];
        var slotNames = default(VBuffer<ReadOnlyMemory<char>>);
        features.GetSlotNames(ref slotNames);
        var names = slotNames.DenseValues().Select(n => n.ToString()).ToArray();

        var second = FeatureTable.Load(SecondExtractionCsv, null, IdColumn, names);
        var rowOf = new Dictionary<string, int>();
        for (int i = 0; i < second.Ids.Count; i++) rowOf.TryAdd(second.Ids[i], i);
        var trainingIds = training.GetColumn<string>(idColumn).ToArray();
        var order = trainingIds.Select(id => rowOf.TryGetValue(id, out var r) ? r
            : throw new FeatureTableException($"Second extraction '{SecondExtractionCsv}' has no row for training id '{id}'.")).ToArray();

        var aligned = second.Reordered(order).ToDataView(ml);
        var options = new IccSelectionOptions
        {
            FeatureColumnName = IccOptions.FeatureColumnName,
            Threshold = IccOptions.Threshold,
            Form = IccOptions.Form,
            SecondExtraction = context.ApplyFittedSteps(aligned),
        };
        return new FeatureSelectionEstimator(options);
    }
}
