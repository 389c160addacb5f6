using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Learners.Data;

/// <summary>Type of an output column of a <see cref="RowMapping"/>.</summary>
internal enum MappedColumnKind
{
    Single,
    Boolean,
    SingleVector,
}

/// <summary>An output column: a slice [Offset, Offset + Length) of the mapping's output buffer.</summary>
internal sealed record MappedColumn(string Name, MappedColumnKind Kind, int Offset, int Length, IReadOnlyList<string>? SlotNames = null)
{
    public DataViewType Type => Kind switch
    {
        MappedColumnKind.Single => NumberDataViewType.Single,
        MappedColumnKind.Boolean => BooleanDataViewType.Instance,
        _ => new VectorDataViewType(NumberDataViewType.Single, Length),
    };

    public DataViewSchema.Annotations Annotations()
    {
        var builder = new DataViewSchema.Annotations.Builder();
        if (SlotNames is { } names)
        {
            builder.Add(AnnotationNames.SlotNames, new VectorDataViewType(TextDataViewType.Instance, names.Count),
                (ref VBuffer<ReadOnlyMemory<char>> value) =>
                {
                    var editor = VBufferEditor.Create(ref value, names.Count);
                    for (int i = 0; i < names.Count; i++) editor.Values[i] = names[i].AsMemory();
                    value = editor.Commit();
                });
        }
        return builder.ToAnnotations();
    }
}

/// <summary>
/// A per-row function from one Single vector column to new columns, written into a float buffer
/// (Boolean outputs are written as 1 or 0). Implementations must be thread-safe (no mutable state).
/// </summary>
internal abstract class RowMapping
{
    protected RowMapping(string inputColumnName, int inputLength)
    {
        InputColumnName = inputColumnName;
        InputLength = inputLength;
    }

    public string InputColumnName { get; }

    public int InputLength { get; }

    public abstract IReadOnlyList<MappedColumn> Outputs { get; }

    public int OutputLength => Outputs.Sum(o => o.Kind == MappedColumnKind.SingleVector ? o.Length : 1);

    public abstract void Map(ReadOnlySpan<float> input, Span<float> output);

    /// <summary>The input schema plus the output columns (an output hides an input column of the same name).</summary>
    public DataViewSchema OutputSchema(DataViewSchema input)
    {
        var builder = new DataViewSchema.Builder();
        builder.AddColumns(input);
        foreach (var o in Outputs) builder.AddColumn(o.Name, o.Type, o.Annotations());
        return builder.ToSchema();
    }

    /// <summary>Checks the input column of <paramref name="schema"/> and returns it.</summary>
    public DataViewSchema.Column CheckInput(DataViewSchema schema)
    {
        var column = DenseFeatureMatrix.FeatureColumn(schema, InputColumnName);
        var size = ((VectorDataViewType)column.Type).Size;
        if (size != InputLength)
            throw new ArgumentException($"Column '{InputColumnName}' has {size} slots; the fitted model expects {InputLength}.", nameof(schema));
        return column;
    }

    /// <summary>The estimator-side shape: input columns plus the outputs.</summary>
    public static SchemaShape AppendShape(SchemaShape input, IEnumerable<MappedColumn> outputs)
    {
        var builder = new DataViewSchema.Builder();
        foreach (var o in outputs) builder.AddColumn(o.Name, o.Type, o.Annotations());
        var added = SchemaShapeFactory.Create(builder.ToSchema());
        var names = added.Select(c => c.Name).ToHashSet();
        return new SchemaShape(input.Where(c => !names.Contains(c.Name)).Concat(added));
    }
}
