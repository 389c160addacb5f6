using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Learners.Data;

/// <summary>A lazy view: the source's columns plus the columns a <see cref="RowMapping"/> computes per row.</summary>
internal sealed class MappedDataView : IDataView
{
    private readonly IDataView _source;
    private readonly DataViewSchema.Column _input;
    private readonly RowMapping _mapping;

    public MappedDataView(IDataView source, RowMapping mapping)
    {
        _source = source;
        _mapping = mapping;
        _input = mapping.CheckInput(source.Schema);
        Schema = mapping.OutputSchema(source.Schema);
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema { get; }

    public long? GetRowCount() => _source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var sourceCount = _source.Schema.Count;
        var needed = columnsNeeded.ToList();
        var outputsActive = needed.Any(c => c.Index >= sourceCount);
        var sourceColumns = needed.Where(c => c.Index < sourceCount).Select(c => _source.Schema[c.Index]).ToList();
        if (outputsActive && sourceColumns.All(c => c.Index != _input.Index)) sourceColumns.Add(_input);
        return new Cursor(this, _source.GetRowCursor(sourceColumns, rand), outputsActive);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly MappedDataView _view;
        private readonly DataViewRowCursor _source;
        private readonly bool _outputsActive;
        private readonly ValueGetter<VBuffer<float>>? _inputGetter;
        private readonly float[] _input;
        private readonly float[] _output;
        private VBuffer<float> _buffer;
        private long _computedPosition = -1;

        public Cursor(MappedDataView view, DataViewRowCursor source, bool outputsActive)
        {
            _view = view;
            _source = source;
            _outputsActive = outputsActive;
            _input = new float[view._mapping.InputLength];
            _output = new float[view._mapping.OutputLength];
            if (outputsActive) _inputGetter = source.GetGetter<VBuffer<float>>(view._input);
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _source.Position;

        public override long Batch => _source.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => _source.GetIdGetter();

        public override bool MoveNext() => _source.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            column.Index < _view._source.Schema.Count
                ? _source.IsColumnActive(_view._source.Schema[column.Index])
                : _outputsActive;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            var sourceCount = _view._source.Schema.Count;
            if (column.Index < sourceCount) return _source.GetGetter<TValue>(_view._source.Schema[column.Index]);
            if (!_outputsActive) throw new InvalidOperationException($"Column '{column.Name}' was not requested from this cursor.");
            var output = _view._mapping.Outputs[column.Index - sourceCount];
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
            if (_computedPosition == _source.Position) return;
            _inputGetter!(ref _buffer);
            _buffer.CopyTo(_input);
            _view._mapping.Map(_input, _output);
            _computedPosition = _source.Position;
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing) _source.Dispose();
            base.Dispose(disposing);
        }
    }
}
