using System.Text;

namespace OlnmMl.Radiomics.Extraction;

/// <summary>One case a batch could not extract.</summary>
/// <param name="Id">The case.</param>
/// <param name="File">The file at fault (image or mask), or the image when no file is to blame.</param>
/// <param name="Problem">What is wrong, one line.</param>
public sealed record BatchFailure(string Id, string File, string Problem)
{
    /// <summary>The failure list beside a table: <c>&lt;table&gt;.failures.csv</c>.</summary>
    public static string ListPath(string tablePath) => tablePath + ".failures.csv";

    /// <summary>
    /// Writes <paramref name="failures"/> to <see cref="ListPath"/> (CSV <c>id,file,problem</c>, RFC 4180 quoting,
    /// atomically), or removes an old list when there is none.
    /// </summary>
    public static void WriteList(string tablePath, IReadOnlyCollection<BatchFailure> failures)
    {
        var path = ListPath(tablePath);
        if (failures.Count == 0)
        {
            System.IO.File.Delete(path);
            return;
        }

        var text = new StringBuilder("id,file,problem\n");
        foreach (var f in failures.OrderBy(f => f.Id, StringComparer.Ordinal))
        {
            text.Append(Quote(f.Id)).Append(',').Append(Quote(f.File)).Append(',').Append(Quote(f.Problem)).Append('\n');
        }

        DurableFile.WriteAllText(path, text.ToString());
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\n\r") < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
