namespace OlnmMl.Evaluation.Reclassification;

/// <summary>
/// An NRI or IDI with its Wald interval and test: Index ± z·SE, statistic = Index/SE, two-sided
/// normal p. Events are positive cases.
/// </summary>
/// <param name="Kind">"NRI (categorical)", "NRI (continuous)" or "IDI".</param>
/// <param name="Index">EventsComponent + NonEventsComponent (for NRI and IDI alike).</param>
/// <param name="EventsComponent">NRI: P(up | event) − P(down | event). IDI: mean change of p among events.</param>
/// <param name="NonEventsComponent">NRI: P(down | non-event) − P(up | non-event). IDI: minus the mean change of p among non-events.</param>
/// <param name="StandardError">SE of the index (see the computing method).</param>
/// <param name="CiLower">Lower Wald limit.</param>
/// <param name="CiUpper">Upper Wald limit.</param>
/// <param name="Statistic">Index / SE (0 with p = 1 when both are 0).</param>
/// <param name="PValue">Two-sided normal p-value.</param>
/// <param name="Events">Events used.</param>
/// <param name="NonEvents">Non-events used.</param>
/// <param name="UndefinedReason">Why the index is NaN; null otherwise.</param>
public sealed record ReclassificationIndex(
    string Kind,
    double Index,
    double EventsComponent,
    double NonEventsComponent,
    double StandardError,
    double CiLower,
    double CiUpper,
    double Statistic,
    double PValue,
    int Events,
    int NonEvents,
    string? UndefinedReason);
