namespace OlnmMl.Imaging;

/// <summary>A volume file that cannot be read or does not fit its role; the message names the file.</summary>
public sealed class VolumeFormatException : OlnmUserException
{
    /// <summary>Creates an error for <paramref name="path"/> describing <paramref name="problem"/>.</summary>
    public VolumeFormatException(string path, string problem, Exception? inner = null)
        : base(path, problem, inner)
    {
        Path = path;
        Problem = problem;
    }

    /// <summary>The offending file.</summary>
    public string Path { get; }

    /// <summary>What is wrong with it.</summary>
    public string Problem { get; }

    /// <summary>The kind of problem (for reports that group problems); <see cref="VolumeProblem.Unreadable"/> unless set.</summary>
    public VolumeProblem Kind { get; init; } = VolumeProblem.Unreadable;
}
