namespace OlnmMl.AutoML.Store;

/// <summary>A holder's lease on a study's trials expired (no heartbeat in time); its trials may now belong to another holder.</summary>
public sealed class StudyLeaseLostException(string message) : OlnmUserException(message);
