namespace OlnmMl.AutoML.Store;

/// <summary>What a study store knows about its study.</summary>
/// <param name="Name">Study name.</param>
/// <param name="Definition">The experiment definition (YAML text) the study was started from; resume re-reads it.</param>
/// <param name="CreatedAt">When the study was created (UTC).</param>
public sealed record StudyInfo(string Name, string Definition, DateTimeOffset CreatedAt);
