using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.SweepHost;

/// <summary>
/// A trial kind for tests: no pipeline, just predictions whose separation grows with the float parameter
/// <c>signal</c>. Case i of a cohort is positive when i is odd; its probability is
/// logistic(signal·(2y − 1) + noise), noise ~ U(−1, 1) from the trial seed. It waits <see cref="Delay"/> first so
/// that a sweep can be killed mid-trial, and fails on purpose when <c>signal</c> exceeds <see cref="FailAbove"/>.
/// Cohorts: training (Training), validation (Selection), external (External), 40 cases each.
/// A known learning curve: when the configuration has a categorical <see cref="CurveParameter"/> (values separated
/// by spaces, e.g. "0.6 0.7 0.8"), value i is reported at step i and the trial stops (<see cref="TrialPrunedException"/>)
/// as soon as <see cref="TrialContext.ShouldPrune"/> says so.
/// The process that ran the trial is recorded twice, so a test can tell whether a record and its files come from
/// the same execution: in the trial's folder (<see cref="ExecutionFile"/>, the pid) and in the outcome's versions
/// (<see cref="PidVersion"/>).
/// </summary>
public sealed class SyntheticTrialFactory(TimeSpan delay, double failAbove = double.PositiveInfinity, long memoryEstimate = 1) : ITrialFactory
{
    /// <summary>The trial kind name.</summary>
    public const string KindName = "synthetic";

    /// <summary>Categorical parameter holding the learning curve reported step by step.</summary>
    public const string CurveParameter = "curve";

    /// <summary>File in the trial folder holding the pid of the process that ran the trial.</summary>
    public const string ExecutionFile = "execution.txt";

    /// <summary>Version key holding the pid of the process that ran the trial.</summary>
    public const string PidVersion = "synthetic.pid";

    /// <summary>Wait before predicting.</summary>
    public TimeSpan Delay => delay;

    /// <summary>Trials with a larger <c>signal</c> throw.</summary>
    public double FailAbove => failAbove;

    /// <inheritdoc />
    public string Name => KindName;

    /// <inheritdoc />
    public long EstimateMemoryBytes(ParameterSet parameters) => memoryEstimate;

    /// <inheritdoc />
    public async Task<TrialOutcome> RunAsync(TrialContext context, CancellationToken cancellationToken)
    {
        await Task.Delay(delay, cancellationToken).ConfigureAwait(false);
        ReportCurve(context);
        var signal = context.Parameters.GetDouble("signal");
        if (signal > failAbove)
        {
            throw new InvalidOperationException($"synthetic failure: signal {signal} > {failAbove}");
        }

        var random = new Random(context.Seed);
        CohortPredictions Cohort(string name, CohortRole role)
        {
            var ids = Enumerable.Range(0, 40).Select(i => $"{name}-{i}").ToArray();
            var labels = Enumerable.Range(0, 40).Select(i => i % 2 == 1).ToArray();
            var p = labels.Select(y => 1 / (1 + Math.Exp(-((signal * (y ? 1 : -1)) + (2 * random.NextDouble()) - 1)))).ToArray();
            return new CohortPredictions(name, role, ids, labels, p);
        }

        var pid = Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        await File.WriteAllTextAsync(Path.Combine(context.ArtefactDirectory, ExecutionFile), pid, CancellationToken.None).ConfigureAwait(false);
        return new TrialOutcome(
            [Cohort("training", CohortRole.Training), Cohort("validation", CohortRole.Selection), Cohort("external", CohortRole.External)],
            new Dictionary<string, string> { ["execution"] = ExecutionFile },
            new Dictionary<string, string> { [PidVersion] = pid });
    }

    private static void ReportCurve(TrialContext context)
    {
        if (!context.Parameters.ContainsKey(CurveParameter))
        {
            return;
        }

        var curve = context.Parameters.GetCategory(CurveParameter).Split(' ').Select(v => double.Parse(v, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        for (var step = 0; step < curve.Length; step++)
        {
            context.Report(step, curve[step]);
            if (context.ShouldPrune())
            {
                throw new TrialPrunedException(step);
            }
        }
    }
}
