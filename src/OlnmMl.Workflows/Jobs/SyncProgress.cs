namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// An <see cref="IProgress{T}"/> that calls its handler on the reporting thread, at once (unlike
/// <see cref="Progress{T}"/>, which posts to a synchronisation context and may deliver after the work ends).
/// </summary>
public sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    /// <inheritdoc />
    public void Report(T value) => handler(value);
}
