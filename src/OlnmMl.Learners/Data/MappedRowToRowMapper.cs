using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Learners.Data;

/// <summary>
/// A <see cref="RowMapping"/> as ML.NET's <see cref="IRowToRowMapper"/>, so that a chain of this library's
/// transformers works in <c>mlContext.Model.CreatePredictionEngine</c>: the output row is the input row plus the
/// mapped columns (<see cref="MappedRow"/>); a mapped column needs the mapping's input column.
/// </summary>
internal sealed class MappedRowToRowMapper : IRowToRowMapper
{
    private readonly RowMapping _mapping;
    private readonly DataViewSchema.Column _input;

    public MappedRowToRowMapper(DataViewSchema inputSchema, RowMapping mapping)
    {
        _mapping = mapping;
        _input = mapping.CheckInput(inputSchema);
        InputSchema = inputSchema;
        OutputSchema = mapping.OutputSchema(inputSchema);
    }

    public DataViewSchema InputSchema { get; }

    public DataViewSchema OutputSchema { get; }

    public IEnumerable<DataViewSchema.Column> GetDependencies(IEnumerable<DataViewSchema.Column> dependingColumns)
    {
        var needed = dependingColumns.ToList();
        var sources = needed.Where(c => c.Index < InputSchema.Count).Select(c => InputSchema[c.Index]).ToList();
        if (needed.Any(c => c.Index >= InputSchema.Count) && sources.All(c => c.Index != _input.Index)) sources.Add(_input);
        return sources;
    }

    public DataViewRow GetRow(DataViewRow input, IEnumerable<DataViewSchema.Column> activeColumns) =>
        new MappedRow(input, OutputSchema, _mapping, _input, activeColumns.Any(c => c.Index >= InputSchema.Count));
}
