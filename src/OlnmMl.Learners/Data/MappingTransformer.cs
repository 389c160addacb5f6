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

    /// <summary>False: the output is produced by <see cref="Transform"/> only.</summary>
    public bool IsRowToRowMapper => false;

    /// <summary>The input schema plus the output columns.</summary>
    public DataViewSchema GetOutputSchema(DataViewSchema inputSchema)
    {
        Mapping.CheckInput(inputSchema);
        return Mapping.OutputSchema(inputSchema);
    }

    /// <summary>Not supported (see <see cref="IsRowToRowMapper"/>).</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    public IRowToRowMapper GetRowToRowMapper(DataViewSchema inputSchema) =>
        throw new NotSupportedException($"{GetType().Name} is not a row-to-row mapper; call Transform on an IDataView.");

    /// <summary>A lazy view with the output columns appended.</summary>
    public IDataView Transform(IDataView input) => new MappedDataView(input, Mapping);

    /// <summary>Not supported: ML.NET's model writer is internal to its assemblies; use the class's own Save or TabularModel.Save.</summary>
    /// <exception cref="NotSupportedException">Always.</exception>
    void ICanSaveModel.Save(ModelSaveContext ctx) =>
        throw new NotSupportedException($"{GetType().Name} cannot be written by mlContext.Model.Save (ML.NET's ModelSaveContext writer is internal); use {GetType().Name}.Save(Stream) or TabularModel.Save(directory).");
}
