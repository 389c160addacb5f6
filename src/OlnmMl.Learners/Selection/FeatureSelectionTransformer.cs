using System.Text;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// A fitted feature selection: replaces the vector column by the kept slots, in their original order, with their
/// slot names. <see cref="SelectedIndices"/> is public for export (ONNX: a Gather on axis 1).
/// </summary>
public sealed class FeatureSelectionTransformer : MappingTransformer
{
    /// <summary>Version of the format written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 1;

    private const string Magic = "OLNM-SELECT";
    private readonly int[] _selected;
    private readonly double[] _scores;
    private readonly string[] _inputSlotNames;

    /// <summary>Creates the transformer.</summary>
    /// <param name="method">Method name (for provenance).</param>
    /// <param name="columnName">The vector column (input and output).</param>
    /// <param name="inputSlotNames">Names of all input slots.</param>
    /// <param name="selectedIndices">Kept slot indices, ascending.</param>
    /// <param name="scores">One score per input slot.</param>
    public FeatureSelectionTransformer(string method, string columnName, IReadOnlyList<string> inputSlotNames,
        IReadOnlyList<int> selectedIndices, IReadOnlyList<double> scores)
    {
        if (selectedIndices.Count == 0) throw new ArgumentException("At least one slot must be selected.", nameof(selectedIndices));
        for (int i = 0; i < selectedIndices.Count; i++)
            if (selectedIndices[i] < 0 || selectedIndices[i] >= inputSlotNames.Count || (i > 0 && selectedIndices[i] <= selectedIndices[i - 1]))
                throw new ArgumentException($"Selected indices must be ascending within [0, {inputSlotNames.Count}).", nameof(selectedIndices));
        if (scores.Count != inputSlotNames.Count)
            throw new ArgumentException($"Expected {inputSlotNames.Count} scores, got {scores.Count}.", nameof(scores));
        Method = method;
        ColumnName = columnName;
        _inputSlotNames = [.. inputSlotNames];
        _selected = [.. selectedIndices];
        _scores = [.. scores];
        SelectedSlotNames = [.. _selected.Select(i => _inputSlotNames[i])];
        Mapping = new SelectionMapping(this);
    }

    /// <summary>The selection method.</summary>
    public string Method { get; }

    /// <summary>The vector column read and replaced.</summary>
    public string ColumnName { get; }

    /// <summary>Kept input slot indices, ascending.</summary>
    public IReadOnlyList<int> SelectedIndices => _selected;

    /// <summary>Names of the kept slots (the output's slot names).</summary>
    public IReadOnlyList<string> SelectedSlotNames { get; }

    /// <summary>Names of all input slots.</summary>
    public IReadOnlyList<string> InputSlotNames => _inputSlotNames;

    /// <summary>Per-input-slot score of the method (importance, p-value, ICC, |β|, …).</summary>
    public IReadOnlyList<double> Scores => _scores;

    private protected override RowMapping Mapping { get; }

    /// <summary>Writes the selection (format <see cref="FormatVersion"/>).</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write(Method);
        w.Write(ColumnName);
        w.Write(_inputSlotNames.Length);
        for (int i = 0; i < _inputSlotNames.Length; i++)
        {
            w.Write(_inputSlotNames[i]);
            w.Write(_scores[i]);
        }
        w.Write(_selected.Length);
        foreach (var i in _selected) w.Write(i);
    }

    /// <summary>Reads a selection written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">On a foreign header or an unknown version.</exception>
    public static FeatureSelectionTransformer Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadString();
        if (magic != Magic) throw new InvalidDataException($"Not a feature selection (header '{magic}').");
        var version = r.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"Feature-selection format version {version} is not supported (this build reads {FormatVersion}).");
        var method = r.ReadString();
        var column = r.ReadString();
        var d = r.ReadInt32();
        var names = new string[d];
        var scores = new double[d];
        for (int i = 0; i < d; i++)
        {
            names[i] = r.ReadString();
            scores[i] = r.ReadDouble();
        }
        var selected = new int[r.ReadInt32()];
        for (int i = 0; i < selected.Length; i++) selected[i] = r.ReadInt32();
        return new FeatureSelectionTransformer(method, column, names, selected, scores);
    }

    private sealed class SelectionMapping(FeatureSelectionTransformer owner) : RowMapping(owner.ColumnName, owner._inputSlotNames.Length)
    {
        private readonly MappedColumn[] _outputs =
            [new(owner.ColumnName, MappedColumnKind.SingleVector, 0, owner._selected.Length, owner.SelectedSlotNames)];

        public override IReadOnlyList<MappedColumn> Outputs => _outputs;

        public override void Map(ReadOnlySpan<float> input, Span<float> output)
        {
            var selected = owner._selected;
            for (int i = 0; i < selected.Length; i++) output[i] = input[selected[i]];
        }
    }
}
