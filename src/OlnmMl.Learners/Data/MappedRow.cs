using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Learners.Data;

/// <summary>
/// One row of a <see cref="RowMapping"/>'s output over a source row: the source's columns (indices below the
/// source's column count) plus the mapped columns, computed once per source position when
/// <paramref name="outputsActive"/>. Used by the cursors of <see cref="MappedDataView"/> and by
/// <see cref="MappedRowToRowMapper"/> (ML.NET's PredictionEngine).
/// </summary>
internal sealed class MappedRow(DataViewRow source, DataViewSchema schema, RowMapping mapping, DataViewSchema.Column input, bool outputsActive) : DataViewRow
{
    private readonly ValueGetter<VBuffer<float>>? _inputGetter = outputsActive ? source.GetGetter<VBuffer<float>>(input) : null;
    private readonly float[] _input = new float[mapping.InputLength];
    private readonly float[] _output = new float[mapping.OutputLength];
    private VBuffer<float> _buffer;
    private long _computedPosition = -1;

    public override DataViewSchema Schema => schema;

    public override long Position => source.Position;

    public override long Batch => source.Batch;

    public override ValueGetter<DataViewRowId> GetIdGetter() => source.GetIdGetter();

    public override bool IsColumnActive(DataViewSchema.Column column) =>
        column.Index < source.Schema.Count ? source.IsColumnActive(source.Schema[column.Index]) : outputsActive;

    public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
    {
        var sourceCount = source.Schema.Count;
        if (column.Index < sourceCount) return source.GetGetter<TValue>(source.Schema[column.Index]);
        if (!outputsActive) throw new InvalidOperationException($"Column '{column.Name}' was not requested from this row.");
        var output = mapping.Outputs[column.Index - sourceCount];
        Delegate getter = output.Kind switch
        {
            MappedColumnKind.Single => (ValueGetter<float>)((ref float v) => { Compute(); v = _output[output.Offset]; }),
            MappedColumnKind.Boolean => (ValueGetter<bool>)((ref bool v) => { Compute(); v = _output[output.Offset] != 0; }),
            _ => (ValueGetter<VBuffer<float>>)((ref VBuffer<float> v) =>
            {
                Compute();
                var editor = VBufferEditor.Create(ref v, output.Length);
                _output.AsSpan(output.Offset, output.Length).CopyTo(editor.Values);
                v = editor.Commit();
            }),
        };
        return getter as ValueGetter<TValue>
            ?? throw new InvalidOperationException($"Column '{column.Name}' has type {column.Type}, not {typeof(TValue).Name}.");
    }

    private void Compute()
    {
        if (_computedPosition == source.Position) return;
        _inputGetter!(ref _buffer);
        _buffer.CopyTo(_input);
        mapping.Map(_input, _output);
        _computedPosition = source.Position;
    }
}
