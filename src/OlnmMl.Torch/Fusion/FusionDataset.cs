using Microsoft.ML;
using Microsoft.ML.Data;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Fusion;

/// <summary>
/// The rows of an <see cref="IDataView"/> read into memory for training: one array per row for
/// the image (C·D·H·W) and the radiomics (k), labels and centre ids. Checks shapes and NaNs and
/// names the column and row at fault.
/// </summary>
internal sealed class FusionDataset
{
    private FusionDataset(float[][] images, float[][] radiomics, bool[] labels, long[] centres, int imageLength, int radiomicsWidth)
    {
        Images = images;
        Radiomics = radiomics;
        Labels = labels;
        Centres = centres;
        ImageLength = imageLength;
        RadiomicsWidth = radiomicsWidth;
    }

    public float[][] Images { get; }
    public float[][] Radiomics { get; }
    public bool[] Labels { get; }
    public long[] Centres { get; }
    public int ImageLength { get; }
    public int RadiomicsWidth { get; }
    public int Count => Labels.Length;

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
        return new FusionDataset([.. images], [.. features], [.. labels], [.. centres], imageLength, radiomicsWidth);
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
                Images[i].CopyTo(imageBatch.AsSpan(b * ImageLength));
            }
            if (RadiomicsWidth > 0)
            {
                Radiomics[i].CopyTo(radiomicsBatch.AsSpan(b * RadiomicsWidth));
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
}
