using System.Reflection;
using Microsoft.ML;

namespace OlnmMl.Learners.Data;

/// <summary>
/// Builds a <see cref="SchemaShape"/> from a <see cref="DataViewSchema"/>. ML.NET keeps <c>SchemaShape.Create</c> and
/// the <c>SchemaShape.Column</c> constructor internal to its own assemblies, so estimators outside them can only
/// describe new output columns through this method, reached by reflection once.
/// </summary>
internal static class SchemaShapeFactory
{
    private static readonly Func<DataViewSchema, SchemaShape> CreateShape =
        (typeof(SchemaShape).GetMethod("Create", BindingFlags.Static | BindingFlags.Public | BindingFlags.NonPublic, [typeof(DataViewSchema)])
            ?? throw new MissingMethodException("Microsoft.ML.SchemaShape.Create(DataViewSchema) was not found in this ML.NET version."))
        .CreateDelegate<Func<DataViewSchema, SchemaShape>>();

    public static SchemaShape Create(DataViewSchema schema) => CreateShape(schema);
}
