using System.Reflection;
using Microsoft.ML.Data;

namespace OlnmMl.Onnx.Export;

/// <summary>
/// Reads the (output, input) column pairs of an ML.NET one-to-one transformer. ML.NET keeps
/// them in the non-public <c>ColumnPairs</c> member of <see cref="OneToOneTransformerBase"/>;
/// this is the one place OlnmMl.Onnx relies on ML.NET internals (pinned ML.NET 6.0.0), and it
/// fails with a clear message if they move.
/// </summary>
internal static class OneToOneColumns
{
    private const BindingFlags Flags = BindingFlags.Instance | BindingFlags.NonPublic | BindingFlags.Public;

    public static IReadOnlyList<(string Output, string Input)> Of(OneToOneTransformerBase transformer)
    {
        var type = typeof(OneToOneTransformerBase);
        var value = type.GetField("ColumnPairs", Flags)?.GetValue(transformer)
            ?? type.GetProperty("ColumnPairs", Flags)?.GetValue(transformer);
        return value is (string, string)[] pairs
            ? pairs
            : throw new NotSupportedException(
                $"Cannot read the column pairs of {transformer.GetType().Name} from this ML.NET version; ONNX export needs them.");
    }
}
