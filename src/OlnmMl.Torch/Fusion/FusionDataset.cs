using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// The training or validation cases of a fusion network: labels and centre ids held, images and radiomics read from an
/// <see cref="IFusionSamples"/> into each batch (<see cref="Batch"/> copies a case's image once, into the batch buffer).
/// <see cref="Read"/> reads the rows of an <see cref="IDataView"/> (the ML.NET estimator's path) into memory; <see cref="Of"/>
/// wraps samples that live elsewhere (a crop cache). Checks shapes and NaNs and names the column and row at fault.
/// </summary>
internal sealed class FusionDataset
{
    private readonly IFusionSamples _samples;

    private FusionDataset(IFusionSamples samples, bool[] labels, long[] centres)
    {
        _samples = samples;
        Labels = labels;
        Centres = centres;
    }

    public bool[] Labels { get; }
    public long[] Centres { get; }
    public int ImageLength => _samples.ImageLength;
    public int RadiomicsWidth => _samples.RadiomicsWidth;
    public int Count => Labels.Length;

    /// <summary>
    /// The cases of <paramref name="samples"/>, which must hold <paramref name="imageLength"/> image values and
    /// <paramref name="radiomicsWidth"/> finite radiomics per case; groups become centre ids in order of appearance.
    /// </summary>
    public static FusionDataset Of(IFusionSamples samples, int imageLength, int radiomicsWidth, string role)
    {
        if (samples.ImageLength != imageLength || samples.RadiomicsWidth != radiomicsWidth)
        {
            throw new ArgumentException(
                $"The {role} samples hold {samples.ImageLength} image and {samples.RadiomicsWidth} radiomics values per case; the model expects {imageLength} and {radiomicsWidth}.");
        }

        var labels = new bool[samples.Count];
        var centres = new long[samples.Count];
        var ids = new Dictionary<string, long>(StringComparer.Ordinal);
        for (var i = 0; i < samples.Count; i++)
        {
            labels[i] = samples.Label(i);
            var group = samples.Group(i);
            if (!ids.TryGetValue(group, out var id))
            {
                id = ids.Count;
                ids[group] = id;
            }

            centres[i] = id;
            foreach (var v in samples.Radiomics(i))
            {
                if (!float.IsFinite(v))
                {
                    throw new ArgumentException($"The radiomics of the {role} data have a non-finite value (NaN or ∞) in case {i}.");
                }
            }
        }

        return new FusionDataset(samples, labels, centres);
    }

    /// <summary>Reads every row; <paramref name="imageLength"/>/<paramref name="radiomicsWidth"/> are the required sizes (0 = unused).</summary>
    public static FusionDataset Read(IDataView data, FusionTrainerOptions options, int imageLength, int radiomicsWidth, string role)
    {
        var schema = data.Schema;
        var label = Require(schema, options.LabelColumnName, role);
        if (label.Type != BooleanDataViewType.Instance)
        {
            throw new ArgumentException($"Label column '{options.LabelColumnName}' of the {role} data must be Boolean; it is {label.Type}.");
        }
        var columns = new List<DataViewSchema.Column> { label };
        DataViewSchema.Column? image = imageLength > 0 ? RequireVector(schema, options.ImageColumnName, imageLength, role) : null;
        DataViewSchema.Column? radiomics = radiomicsWidth > 0 ? RequireVector(schema, options.RadiomicsColumnName, radiomicsWidth, role) : null;
        DataViewSchema.Column? centre = options.CentreColumnName is null ? null : Require(schema, options.CentreColumnName, role);
        if (image is { } i) columns.Add(i);
        if (radiomics is { } r) columns.Add(r);
        if (centre is { } c) columns.Add(c);

        var images = new List<float[]>();
        var features = new List<float[]>();
        var labels = new List<bool>();
        var centres = new List<long>();
        var centreIds = new Dictionary<string, long>();
        using var cursor = data.GetRowCursor(columns);
        var labelGetter = cursor.GetGetter<bool>(label);
        var imageGetter = image is { } ic ? cursor.GetGetter<VBuffer<float>>(ic) : null;
        var radiomicsGetter = radiomics is { } rc ? cursor.GetGetter<VBuffer<float>>(rc) : null;
        var centreGetter = centre is { } cc ? cursor.GetGetter<ReadOnlyMemory<char>>(cc) : null;
        VBuffer<float> buffer = default;
        ReadOnlyMemory<char> centreText = default;
        bool value = false;
        long row = 0;
        while (cursor.MoveNext())
        {
            labelGetter(ref value);
            labels.Add(value);
            if (imageGetter is not null)
            {
                imageGetter(ref buffer);
                images.Add(Dense(buffer, options.ImageColumnName, row, role));
            }
            if (radiomicsGetter is not null)
            {
                radiomicsGetter(ref buffer);
                features.Add(Dense(buffer, options.RadiomicsColumnName, row, role));
            }
            if (centreGetter is not null)
            {
                centreGetter(ref centreText);
                string key = centreText.ToString();
                if (!centreIds.TryGetValue(key, out long id))
                {
                    id = centreIds.Count;
                    centreIds[key] = id;
                }
                centres.Add(id);
            }
            else
            {
                centres.Add(row);
            }
            row++;
        }
        return new FusionDataset(new ArraySamples([.. images], [.. features], [.. labels], imageLength, radiomicsWidth), [.. labels], [.. centres]);
    }

    /// <summary>Rows <paramref name="indices"/> as tensors on <paramref name="device"/>: images <c>[n, C, D, H, W]</c> (<paramref name="imageShape"/>), radiomics <c>[n, k]</c>, labels, centres.</summary>
    public (Tensor Images, Tensor Radiomics, Tensor Labels, Tensor Centres) Batch(ReadOnlySpan<int> indices, IReadOnlyList<int> imageShape, Device device)
    {
        int n = indices.Length;
        var imageBatch = new float[ImageLength > 0 ? n * ImageLength : n];
        var radiomicsBatch = new float[RadiomicsWidth > 0 ? n * RadiomicsWidth : n];
        var labelBatch = new long[n];
        var centreBatch = new long[n];
        for (int b = 0; b < n; b++)
        {
            int i = indices[b];
            if (ImageLength > 0)
            {
                _samples.CopyImage(i, imageBatch.AsSpan(b * ImageLength, ImageLength));
            }
            if (RadiomicsWidth > 0)
            {
                _samples.Radiomics(i).CopyTo(radiomicsBatch.AsSpan(b * RadiomicsWidth));
            }
            labelBatch[b] = Labels[i] ? 1 : 0;
            centreBatch[b] = Centres[i];
        }
        return (
            ImageLength > 0 ? tensor(imageBatch, [n, .. imageShape.Select(d => (long)d)], device: device) : zeros([n, 1], device: device),
            RadiomicsWidth > 0 ? tensor(radiomicsBatch, [n, RadiomicsWidth], device: device) : zeros([n, 1], device: device),
            tensor(labelBatch, device: device),
            tensor(centreBatch, device: device));
    }

    /// <summary>The fixed vector size of <paramref name="name"/> (throws when missing, not a float vector or of unknown size).</summary>
    public static int VectorSize(DataViewSchema schema, string name, string role)
    {
        var column = Require(schema, name, role);
        if (column.Type is not VectorDataViewType { ItemType: NumberDataViewType n } vector || n != NumberDataViewType.Single || vector.Size == 0)
        {
            throw new ArgumentException($"Column '{name}' of the {role} data must be a fixed-size vector of Single; it is {column.Type}.");
        }
        return vector.Size;
    }

    private static DataViewSchema.Column Require(DataViewSchema schema, string name, string role) =>
        schema.GetColumnOrNull(name) ?? throw new ArgumentException($"The {role} data has no column '{name}'.");

    private static DataViewSchema.Column RequireVector(DataViewSchema schema, string name, int size, string role)
    {
        int actual = VectorSize(schema, name, role);
        if (actual != size)
        {
            throw new ArgumentException($"Column '{name}' of the {role} data has {actual} values per row; the model expects {size}.");
        }
        return schema[name];
    }

    private static float[] Dense(in VBuffer<float> buffer, string column, long row, string role)
    {
        var values = new float[buffer.Length];
        buffer.CopyTo(values);
        foreach (float v in values)
        {
            if (!float.IsFinite(v))
            {
                throw new ArgumentException($"Column '{column}' of the {role} data has a non-finite value (NaN or ∞) in row {row}.");
            }
        }
        return values;
    }

    /// <summary>Cases read into memory from an <see cref="IDataView"/> (labels are held by the dataset; groups are unused).</summary>
    private sealed class ArraySamples(float[][] images, float[][] radiomics, bool[] labels, int imageLength, int radiomicsWidth) : IFusionSamples
    {
        public int Count => labels.Length;
        public int ImageLength => imageLength;
        public int RadiomicsWidth => radiomicsWidth;
        public bool Label(int index) => labels[index];
        public string Group(int index) => string.Empty;
        public void CopyImage(int index, Span<float> destination) => images[index].CopyTo(destination);
        public ReadOnlySpan<float> Radiomics(int index) => radiomicsWidth > 0 ? radiomics[index] : [];
    }
}
