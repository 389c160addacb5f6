using System.Reflection;
using Microsoft.ML;
using Microsoft.ML.Data;

namespace OlnmMl.Tests.Shared;

/// <summary>
/// The ML.NET "workout" of an estimator (after <c>TestEstimatorCore</c> in ML.NET's TestDataPipeBase), shared by every
/// estimator we ship:
/// 1. schema propagation: <c>GetOutputSchema(SchemaShape)</c> announces each column the fitted transformer produces
///    (name, scalar/vector kind, item type), and the transformer's <c>GetOutputSchema(schema)</c> is the schema of
///    <c>Transform</c>'s output;
/// 2. bad input: <c>Fit</c> on it fails with one line that contains the expected text and names no exception type;
/// 3. save → load (when the component has a persisted form): the reloaded transformer gives the same values in every
///    produced column.
/// The produced columns are the output's visible columns that the input lacks or has with another type.
/// </summary>
internal static class EstimatorWorkout
{
    /// <summary>Runs the workout and returns the transformer fitted on <paramref name="input"/>.</summary>
    public static TTransformer Run<TTransformer>(
        IEstimator<TTransformer> estimator,
        IDataView input,
        IDataView badInput,
        string expectedError,
        Func<TTransformer, ITransformer>? saveLoad)
        where TTransformer : class, ITransformer
    {
        var shape = estimator.GetOutputSchema(ShapeOf(input.Schema));
        var transformer = estimator.Fit(input);
        var output = transformer.Transform(input);
        var announced = transformer.GetOutputSchema(input.Schema);
        Assert.Equal(Describe(announced), Describe(output.Schema));
        var produced = Produced(input.Schema, output.Schema);
        Assert.NotEmpty(produced);
        foreach (var column in produced)
        {
            var promised = Assert.Single(shape, c => c.Name == column.Name);
            Assert.Equal(ItemType(column.Type), promised.ItemType);
            Assert.Equal(Kind(column.Type), promised.Kind);
        }

        var error = Assert.ThrowsAny<Exception>(() => estimator.Fit(badInput));
        var message = (error is InvalidOperationException { InnerException: { } inner } ? inner : error).Message;
        Assert.Contains(expectedError, message);
        Assert.DoesNotContain('\n', message);
        Assert.DoesNotContain("Exception", message);

        if (saveLoad is not null)
        {
            var loaded = saveLoad(transformer);
            var reloaded = loaded.Transform(input);
            foreach (var column in produced)
            {
                Assert.Equal(Values(output, column), Values(reloaded, column));
            }
        }

        return transformer;
    }

    /// <summary>The shape of a schema, as ML.NET's pipelines pass it (<c>SchemaShape.Create</c> is internal to ML.NET).</summary>
    public static SchemaShape ShapeOf(DataViewSchema schema) =>
        (SchemaShape)typeof(SchemaShape).GetMethod("Create", BindingFlags.NonPublic | BindingFlags.Static, [typeof(DataViewSchema)])!.Invoke(null, [schema])!;

    private static DataViewSchema.Column[] Produced(DataViewSchema input, DataViewSchema output) =>
        output.Where(c => !c.IsHidden && (input.GetColumnOrNull(c.Name) is not { } before || !before.Type.Equals(c.Type))).ToArray();

    private static string[] Describe(DataViewSchema schema) => schema.Where(c => !c.IsHidden).Select(c => $"{c.Name}: {c.Type}").ToArray();

    private static DataViewType ItemType(DataViewType type) => type is VectorDataViewType vector ? vector.ItemType : type;

    private static SchemaShape.Column.VectorKind Kind(DataViewType type) => type switch
    {
        VectorDataViewType { IsKnownSize: true } => SchemaShape.Column.VectorKind.Vector,
        VectorDataViewType => SchemaShape.Column.VectorKind.VariableVector,
        _ => SchemaShape.Column.VectorKind.Scalar,
    };

    private static object[] Values(IDataView data, DataViewSchema.Column column) => column.Type switch
    {
        VectorDataViewType { ItemType: var item } when item == NumberDataViewType.Single => data.GetColumn<float[]>(column.Name).Cast<object>().ToArray(),
        _ when column.Type == NumberDataViewType.Single => data.GetColumn<float>(column.Name).Cast<object>().ToArray(),
        _ when column.Type == BooleanDataViewType.Instance => data.GetColumn<bool>(column.Name).Cast<object>().ToArray(),
        _ => throw new NotSupportedException($"The workout compares Single, Boolean and Single-vector columns; '{column.Name}' is {column.Type}."),
    };
}
