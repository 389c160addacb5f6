using OlnmMl.AutoML.Store;

namespace OlnmMl.AutoML.Pruners;

/// <summary>
/// Decides from intermediate values whether a running trial stops early. Pure: the same arguments give the same
/// answer, so a decision can be recomputed from the stored values.
/// </summary>
public interface IPruner
{
    /// <summary>
    /// True when <paramref name="trial"/>, which has just reported at <paramref name="step"/>, should stop.
    /// <paramref name="losses"/> are the study's intermediate values (the asking trial's included) turned into losses
    /// (lower is better, NaN the worst); <paramref name="complete"/> holds the numbers of the Complete trials.
    /// </summary>
    bool ShouldPrune(int trial, int step, IReadOnlyList<IntermediateValue> losses, IReadOnlySet<int> complete);
}
