namespace OlnmMl.Learners.Pipelines;

/// <summary>A feature table or tabular model directory that cannot be used; the message names the file, line and column.</summary>
public sealed class FeatureTableException : OlnmUserException
{
    /// <summary>Creates the exception.</summary>
    public FeatureTableException(string message)
        : base(message, null)
    {
    }

    /// <summary>Creates the exception with its cause.</summary>
    public FeatureTableException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
