using System.Buffers.Binary;
using System.Globalization;
using System.Text;

namespace OlnmMl.Imaging.Dicom;

/// <summary>The elements of one DICOM data set (or sequence item): values as raw bytes, sequences as nested data sets.</summary>
internal sealed class DicomDataSet
{
    private readonly Dictionary<uint, byte[]> _values = [];
    private readonly Dictionary<uint, IReadOnlyList<DicomDataSet>> _sequences = [];

    public void Add(uint tag, byte[] value) => _values[tag] = value;

    public void AddSequence(uint tag, IReadOnlyList<DicomDataSet> items) => _sequences[tag] = items;

    /// <summary>The items of sequence <paramref name="tag"/> (empty when absent).</summary>
    public IReadOnlyList<DicomDataSet> Sequence(uint tag) => _sequences.TryGetValue(tag, out var items) ? items : [];

    /// <summary>A text value without its padding (spaces, NUL), or null when absent or empty.</summary>
    public string? String(uint tag)
    {
        if (!_values.TryGetValue(tag, out var bytes))
        {
            return null;
        }

        var text = Encoding.ASCII.GetString(bytes).Trim(' ', '\0');
        return text.Length == 0 ? null : text;
    }

    /// <summary>The backslash-separated numbers of a DS or IS value, or null when absent or empty.</summary>
    /// <exception cref="FormatException">A value is not a number.</exception>
    public double[]? Numbers(uint tag) =>
        String(tag)?.Split('\\').Select(v => double.Parse(v.Trim(' ', '\0'), NumberStyles.Float, CultureInfo.InvariantCulture)).ToArray();

    /// <summary>The first number of a DS or IS value, or null.</summary>
    public double? Number(uint tag) => Numbers(tag) is [var first, ..] ? first : null;

    /// <summary>A US (unsigned 16-bit, little endian) value, or null.</summary>
    public int? UInt16(uint tag) =>
        _values.TryGetValue(tag, out var bytes) && bytes.Length >= 2 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes) : null;
}
