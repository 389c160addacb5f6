using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Runner;

/// <summary>
/// One kind of trial (radiomics-svm, deep, fusion, …), chosen by the value of the space's <c>trial</c> parameter.
/// It builds the pipeline for a configuration, fits it on the training centres and returns per-case predictions
/// per cohort. Leakage rule: nothing fitted may see Selection or External rows; the runner feeds only Selection
/// cohorts to the tuner.
/// </summary>
public interface ITrialFactory
{
    /// <summary>The trial kind, as written in the experiment's <c>trial</c> parameter.</summary>
    string Name { get; }

    /// <summary>Memory the trial is expected to need, in bytes (the runner's memory budget admits trials by this estimate).</summary>
    long EstimateMemoryBytes(ParameterSet parameters);

    /// <summary>Runs the trial; throws on failure (the runner records the error and goes on).</summary>
    Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken);
}
