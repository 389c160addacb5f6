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

    private sealed class Cursor(MappedDataView view, DataViewRowCursor source, bool outputsActive) : DataViewRowCursor
    {
        private readonly MappedRow _row = new(source, view.Schema, view._mapping, view._input, outputsActive);

        public override DataViewSchema Schema => view.Schema;

        public override long Position => source.Position;

        public override long Batch => source.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => source.GetIdGetter();

        public override bool MoveNext() => source.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column) => _row.IsColumnActive(column);

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column) => _row.GetGetter<TValue>(column);

        protected override void Dispose(bool disposing)
        {
            if (disposing) source.Dispose();
            base.Dispose(disposing);
        }
    }
}
