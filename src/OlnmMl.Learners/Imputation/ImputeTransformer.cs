using System.Text;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Imputation;

/// <summary>
/// A fitted imputation: x'ⱼ = vⱼ when xⱼ is NaN or ±∞, else xⱼ, with vⱼ the training statistic of slot j
/// (<see cref="Values"/>). The column keeps its name, size and slot names. Exported to ONNX as <c>Where(IsNaN(x) or IsInf(x), values, x)</c> (OlnmMl.Onnx).
/// </summary>
public sealed class ImputeTransformer : MappingTransformer
{
    /// <summary>Version of the format written by <see cref="Save"/>.</summary>
    public const int FormatVersion = 1;

    private const string Magic = "OLNM-IMPUTE";
    private readonly string[] _slotNames;
    private readonly float[] _values;

    /// <summary>Creates the transformer.</summary>
    /// <param name="method">The statistic the values are (for provenance).</param>
    /// <param name="columnName">The vector column (input and output).</param>
    /// <param name="slotNames">Names of the slots.</param>
    /// <param name="values">One finite replacement value per slot.</param>
    public ImputeTransformer(ImputationMethod method, string columnName, IReadOnlyList<string> slotNames, IReadOnlyList<float> values)
    {
        if (values.Count != slotNames.Count)
            throw new ArgumentException($"Expected {slotNames.Count} values, got {values.Count}.", nameof(values));
        if (!values.All(float.IsFinite)) throw new ArgumentException("Replacement values must be finite.", nameof(values));
        Method = method;
        ColumnName = columnName;
        _slotNames = [.. slotNames];
        _values = [.. values];
        Mapping = new ImputeMapping(this);
    }

    /// <summary>The statistic.</summary>
    public ImputationMethod Method { get; }

    /// <summary>The vector column read and replaced.</summary>
    public string ColumnName { get; }

    /// <summary>The replacement value of each slot.</summary>
    public IReadOnlyList<float> Values => _values;

    /// <summary>Names of the slots.</summary>
    public IReadOnlyList<string> SlotNames => _slotNames;

    private protected override RowMapping Mapping { get; }

    /// <summary>Writes the imputation (format <see cref="FormatVersion"/>).</summary>
    public void Save(Stream stream)
    {
        using var w = new BinaryWriter(stream, Encoding.UTF8, leaveOpen: true);
        w.Write(Magic);
        w.Write(FormatVersion);
        w.Write((int)Method);
        w.Write(ColumnName);
        w.Write(_slotNames.Length);
        for (int i = 0; i < _slotNames.Length; i++)
        {
            w.Write(_slotNames[i]);
            w.Write(_values[i]);
        }
    }

    /// <summary>Reads an imputation written by <see cref="Save"/>.</summary>
    /// <exception cref="InvalidDataException">On a foreign header, an unknown version or method.</exception>
    public static ImputeTransformer Load(Stream stream)
    {
        using var r = new BinaryReader(stream, Encoding.UTF8, leaveOpen: true);
        var magic = r.ReadString();
        if (magic != Magic) throw new InvalidDataException($"Not an imputation (header '{magic}').");
        var version = r.ReadInt32();
        if (version != FormatVersion)
            throw new InvalidDataException($"Imputation format version {version} is not supported (this build reads {FormatVersion}).");
        var method = (ImputationMethod)r.ReadInt32();
        if (!Enum.IsDefined(method)) throw new InvalidDataException($"Unknown imputation method {(int)method}.");
        var column = r.ReadString();
        var d = r.ReadInt32();
        var names = new string[d];
        var values = new float[d];
        for (int i = 0; i < d; i++)
        {
            names[i] = r.ReadString();
            values[i] = r.ReadSingle();
        }
        return new ImputeTransformer(method, column, names, values);
    }

    private sealed class ImputeMapping(ImputeTransformer owner) : RowMapping(owner.ColumnName, owner._values.Length)
    {
        private readonly MappedColumn[] _outputs = [new(owner.ColumnName, MappedColumnKind.SingleVector, 0, owner._values.Length, owner._slotNames)];

        public override IReadOnlyList<MappedColumn> Outputs => _outputs;

        public override void Map(ReadOnlySpan<float> input, Span<float> output)
        {
            for (int i = 0; i < input.Length; i++) output[i] = float.IsFinite(input[i]) ? input[i] : owner._values[i];
        }
    }
}
