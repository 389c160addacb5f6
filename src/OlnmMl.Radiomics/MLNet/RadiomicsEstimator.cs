using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Radiomics.MLNet;

/// <summary>
/// Adds a <c>Radiomics</c> float vector column (slot names = feature names) computed from the image and mask
/// path columns. Nothing is learnt: <see cref="Fit"/> only checks the schema. Not exportable to ONNX (the
/// extraction reads files).
/// </summary>
public sealed class RadiomicsEstimator : IEstimator<RadiomicsTransformer>
{
    private static readonly ConstructorInfo ColumnConstructor =
        typeof(SchemaShape.Column).GetConstructors(BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public)
            .FirstOrDefault(c => c.GetParameters().Length == 5)
        ?? throw new MissingMethodException("SchemaShape.Column(name, kind, type, isKey, annotations) was not found in this ML.NET version.");

    private readonly RadiomicsOptions _options;

    /// <summary>Creates the estimator (prefer <see cref="RadiomicsCatalog"/>).</summary>
    public RadiomicsEstimator(RadiomicsOptions options) => _options = options;

    /// <summary>Checks that the path columns exist and are text, and returns the transformer.</summary>
    public RadiomicsTransformer Fit(IDataView input)
    {
        RadiomicsTransformer.CheckPathColumn(input.Schema, _options.ImageColumnName);
        RadiomicsTransformer.CheckPathColumn(input.Schema, _options.MaskColumnName);
        return new RadiomicsTransformer(_options);
    }

    /// <summary>The input shape plus the output vector column (float, known size, slot names).</summary>
    public SchemaShape GetOutputSchema(SchemaShape inputSchema)
    {
        foreach (var name in new[] { _options.ImageColumnName, _options.MaskColumnName })
        {
            var column = inputSchema.FirstOrDefault(c => c.Name == name);
            if (column.Name is null)
            {
                throw new ArgumentException($"Radiomics needs a text column '{name}' of file paths; the input has none.", nameof(inputSchema));
            }

            if (column.ItemType is not TextDataViewType || column.Kind != SchemaShape.Column.VectorKind.Scalar)
            {
                throw new ArgumentException($"Radiomics column '{name}' must be a scalar text column of file paths, not {column.ItemType}.", nameof(inputSchema));
            }
        }

        var slotNames = NewColumn("SlotNames", SchemaShape.Column.VectorKind.Vector, TextDataViewType.Instance, null);
        var output = NewColumn(_options.OutputColumnName, SchemaShape.Column.VectorKind.Vector, NumberDataViewType.Single, new SchemaShape([slotNames]));
        return new SchemaShape(inputSchema.Where(c => c.Name != _options.OutputColumnName).Append(output));
    }

    private static SchemaShape.Column NewColumn(string name, SchemaShape.Column.VectorKind kind, DataViewType type, SchemaShape? annotations) =>
        (SchemaShape.Column)ColumnConstructor.Invoke([name, kind, type, false, annotations]);
}
