namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Loading one step file of a saved model folder: a damaged file (truncated, overwritten, not the format the manifest
/// names) surfaces from ML.NET or the readers as "Failed to open a zip archive", an end-of-stream or a format error
/// that names no file; it becomes one <see cref="FeatureTableException"/> naming the file and the problem.
/// </summary>
internal static class ModelStepFile
{
    /// <summary>Runs <paramref name="load"/> for <paramref name="path"/>, turning a read or format error into one naming the file.</summary>
    public static T Load<T>(string path, Func<T> load)
    {
        try
        {
            return load();
        }
        catch (Exception e) when (e is not OlnmUserException
            and (InvalidDataException or EndOfStreamException or FormatException or InvalidOperationException or ArgumentException or IOException or NotSupportedException or OverflowException))
        {
            throw new FeatureTableException($"{path}: damaged model step, cannot be read ({OneLine(e.Message)}); retrain the model with 'olnm train'", e);
        }
    }

    /// <summary><paramref name="text"/> with its line breaks replaced by spaces (errors are printed as one line).</summary>
    public static string OneLine(string text) => string.Join(' ', text.Split('\n', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries));
}
