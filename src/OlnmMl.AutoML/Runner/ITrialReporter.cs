namespace OlnmMl.AutoML.Runner;

/// <summary>
/// Where a running trial reports intermediate values and asks whether to stop (<see cref="TrialContext.Report"/>,
/// <see cref="TrialContext.ShouldPrune"/>). The sweep runner's reporter stores each value with the trial and asks
/// the experiment's pruner; <see cref="None"/> (a trial run outside a sweep) keeps nothing and never prunes.
/// </summary>
public interface ITrialReporter
{
    /// <summary>A reporter that keeps nothing and never prunes.</summary>
    static ITrialReporter None { get; } = new Unobserved();

    /// <summary>Records <paramref name="value"/> (in the units of the study's objective) at <paramref name="step"/> (≥ 0).</summary>
    void Report(int step, double value);

    /// <summary>True when the pruner says the trial should stop after its latest report (false before any report).</summary>
    bool ShouldPrune();

    private sealed class Unobserved : ITrialReporter
    {
        public void Report(int step, double value) => ArgumentOutOfRangeException.ThrowIfNegative(step);

        public bool ShouldPrune() => false;
    }
}
