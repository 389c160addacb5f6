namespace OlnmMl;

/// <summary>
/// The one base type of every error caused by the user's input or environment (a bad file, a wrong
/// option, a full disk, a file held by another process), as opposed to a programming error. The
/// command line prints <see cref="Exception.Message"/> as one line and exits 1; anything else it
/// reports as "unexpected". The message names the file (when there is one) and the problem.
/// </summary>
public class OlnmUserException : Exception
{
    /// <summary>Creates an error whose <paramref name="message"/> already names the file and the problem.</summary>
    public OlnmUserException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }

    /// <summary>Creates an error "<paramref name="path"/>: <paramref name="problem"/>".</summary>
    public OlnmUserException(string path, string problem, Exception? inner = null)
        : base($"{path}: {problem}", inner)
    {
        FilePath = path;
    }

    /// <summary>The offending file, when the error is about one.</summary>
    public string? FilePath { get; }
}
