using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Radiomics.MLNet;

// The input view plus one float vector column looked up by the row's (image, mask) paths.
internal sealed class RadiomicsDataView : IDataView
{
    private readonly IDataView _source;
    private readonly DataViewSchema.Column _image;
    private readonly DataViewSchema.Column _mask;
    private readonly IReadOnlyDictionary<(string, string), float[]> _vectors;

    public RadiomicsDataView(IDataView source, DataViewSchema.Column image, DataViewSchema.Column mask, DataViewSchema schema, IReadOnlyDictionary<(string, string), float[]> vectors)
    {
        _source = source;
        _image = image;
        _mask = mask;
        _vectors = vectors;
        Schema = schema;
    }

    public bool CanShuffle => _source.CanShuffle;

    public DataViewSchema Schema { get; }

    public static DataViewSchema OutputSchema(DataViewSchema input, string outputName, IReadOnlyList<string> featureNames)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        var annotations = new DataViewSchema.Annotations.Builder();
        var names = featureNames.Select(n => n.AsMemory()).ToArray();
        annotations.Add("SlotNames", new VectorDataViewType(TextDataViewType.Instance, names.Length),
            (ref VBuffer<ReadOnlyMemory<char>> value) => value = new VBuffer<ReadOnlyMemory<char>>(names.Length, names));
        builder.AddColumn(outputName, new VectorDataViewType(NumberDataViewType.Single, featureNames.Count), annotations.ToAnnotations());
        return builder.ToSchema();
    }

    public long? GetRowCount() => _source.GetRowCount();

    public DataViewRowCursor GetRowCursor(IEnumerable<DataViewSchema.Column> columnsNeeded, Random? rand = null)
    {
        var sourceCount = _source.Schema.Count;
        var needed = columnsNeeded.ToList();
        var outputActive = needed.Any(c => c.Index >= sourceCount);
        var sourceColumns = needed.Where(c => c.Index < sourceCount).Select(c => _source.Schema[c.Index]).ToList();
        if (outputActive)
        {
            sourceColumns.AddRange([_image, _mask]);
        }

        return new Cursor(this, _source.GetRowCursor(sourceColumns.Distinct(), rand), outputActive);
    }

    public DataViewRowCursor[] GetRowCursorSet(IEnumerable<DataViewSchema.Column> columnsNeeded, int n, Random? rand = null) =>
        [GetRowCursor(columnsNeeded, rand)];

    private sealed class Cursor : DataViewRowCursor
    {
        private readonly RadiomicsDataView _view;
        private readonly DataViewRowCursor _source;
        private readonly bool _outputActive;
        private readonly ValueGetter<ReadOnlyMemory<char>>? _imageGetter;
        private readonly ValueGetter<ReadOnlyMemory<char>>? _maskGetter;
        private ReadOnlyMemory<char> _imagePath;
        private ReadOnlyMemory<char> _maskPath;

        public Cursor(RadiomicsDataView view, DataViewRowCursor source, bool outputActive)
        {
            _view = view;
            _source = source;
            _outputActive = outputActive;
            if (outputActive)
            {
                _imageGetter = source.GetGetter<ReadOnlyMemory<char>>(view._image);
                _maskGetter = source.GetGetter<ReadOnlyMemory<char>>(view._mask);
            }
        }

        public override DataViewSchema Schema => _view.Schema;

        public override long Position => _source.Position;

        public override long Batch => _source.Batch;

        public override ValueGetter<DataViewRowId> GetIdGetter() => _source.GetIdGetter();

        public override bool MoveNext() => _source.MoveNext();

        public override bool IsColumnActive(DataViewSchema.Column column) =>
            column.Index < _view._source.Schema.Count ? _source.IsColumnActive(_view._source.Schema[column.Index]) : _outputActive;

        public override ValueGetter<TValue> GetGetter<TValue>(DataViewSchema.Column column)
        {
            if (column.Index < _view._source.Schema.Count)
            {
                return _source.GetGetter<TValue>(_view._source.Schema[column.Index]);
            }

            if (!_outputActive)
            {
                throw new InvalidOperationException($"Column '{column.Name}' was not requested from this cursor.");
            }

            ValueGetter<VBuffer<float>> getter = (ref VBuffer<float> value) =>
            {
                _imageGetter!(ref _imagePath);
                _maskGetter!(ref _maskPath);
                var vector = _view._vectors[(_imagePath.ToString(), _maskPath.ToString())];
                var editor = VBufferEditor.Create(ref value, vector.Length);
                vector.CopyTo(editor.Values);
                value = editor.Commit();
            };
            return getter as ValueGetter<TValue>
                ?? throw new InvalidOperationException($"Column '{column.Name}' is a float vector, not {typeof(TValue).Name}.");
        }

        protected override void Dispose(bool disposing)
        {
            if (disposing)
            {
                _source.Dispose();
            }

            base.Dispose(disposing);
        }
    }
}
