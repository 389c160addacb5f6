namespace OlnmMl.AutoML.Store;

/// <summary>A study's trials are being run by another live process; the message names the holder.</summary>
public sealed class StudyInUseException(string study, string holder)
    : OlnmUserException(study, $"the study is being run by {holder}; wait for it to finish (or stop it), then resume — a resume after it ends continues its trials")
{
    /// <summary>The holder as it described itself (pid, host, start time, purpose).</summary>
    public string Holder { get; } = holder;
}
