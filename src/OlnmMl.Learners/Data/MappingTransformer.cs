using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Learners.Data;

/// <summary>
/// Base of this library's fitted transformers: a per-row <see cref="RowMapping"/> applied lazily.
/// Persistence: ML.NET keeps the writer of <see cref="ModelSaveContext"/> internal to its own assemblies, so
/// <c>mlContext.Model.Save</c> cannot hold these components; each derived class saves itself in a versioned format
/// and <see cref="Pipelines.TabularModel"/> saves whole pipelines.
/// </summary>
public abstract class MappingTransformer : ITransformer
{
    private protected abstract RowMapping Mapping { get; }

    /// <summary>The input schema plus the output columns.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        Mapping.CheckInput(inputSchema);
        return Mapping.OutputSchema(inputSchema);
    }

    /// <summary>True: the mapping also works one row at a time (ML.NET's PredictionEngine).</summary>
    public bool IsRowToRowMapper => true;

    /// <summary>The input row plus the output columns, computed per row.</summary>
    /// <exception cref="ArgumentException">When <paramref name="inputSchema"/> lacks the input column or its size differs.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) => new MappedRowToRowMapper(inputSchema, Mapping);

    /// <summary>A lazy view with the output columns appended.</summary>
    public IDataView Transform(IDataView input) => new MappedDataView(input, Mapping);

    /// <summary>Not supported: ML.NET's model writer is internal to its assemblies; use the class's own Save or TabularModel.Save.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException($"{GetType().Name} cannot be written by mlContext.Model.Save (ML.NET's ModelSaveContext writer is internal); use {GetType().Name}.Save(Stream) or TabularModel.Save(directory).");
}
