using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>A tabular trial's feature vector: slot names and the vector of a case, in that order.</summary>
/// <param name="Names">The slots' names.</param>
/// <param name="Of">The features of one case (as many as <paramref name="Names"/>).</param>
public sealed record TrialFeatures(IReadOnlyList<string> Names, Func<StudyCase, float[]> Of);
