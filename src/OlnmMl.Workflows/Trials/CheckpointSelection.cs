using System.Globalization;
using OlnmMl.AutoML.Experiments;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Which cases choose a network's checkpoint (the epoch kept, and the per-epoch values a pruner reads), by the data option
/// <c>checkpoint-selection</c>: <c>validation</c> (the default: the network trains on the training cohort and the
/// internal-validation cohort picks the epoch, the cohort the tuner's objective reads too) or <c>inner-split</c> (a
/// stratified <see cref="HeldOutFraction"/> of the training cohort, drawn with the trial's seed, picks the epoch and the
/// network trains on the rest, so the validation cohort is the tuner's alone).
/// </summary>
public static class CheckpointSelection
{
    /// <summary>The data option.</summary>
    public const string Option = "checkpoint-selection";

    /// <summary>The option's value for the inner split.</summary>
    public const string InnerSplit = "inner-split";

    /// <summary>The option's default value.</summary>
    public const string Validation = "validation";

    /// <summary>The share of each class of the training cohort held out for checkpoint selection by the inner split.</summary>
    public const double HeldOutFraction = 0.2;

    /// <summary>Whether <paramref name="data"/> asks for the inner split.</summary>
    /// <exception cref="OlnmUserException">The option has another value.</exception>
    public static bool UsesInnerSplit(ExperimentData data) => data.Options.GetValueOrDefault(Option, Validation) switch
    {
        InnerSplit => true,
        Validation => false,
        var other => throw new OlnmUserException($"data.options.{Option} '{other}' is not {Validation} or {InnerSplit}"),
    };

    /// <summary>The cases a network trains on and the cases that choose its checkpoint for <paramref name="target"/>.</summary>
    public static (IReadOnlyList<StudyCase> Fit, IReadOnlyList<StudyCase> Checkpoint) Cohorts(StudyData study, ExperimentData data, string target, int seed)
    {
        var training = study.Cohort(TrialCohorts.Training);
        return UsesInnerSplit(data) ? Split(training, c => c.Outcome(target), seed) : (training, study.Cohort(TrialCohorts.Validation));
    }

    /// <summary>
    /// A stratified split: of each class's n cases, round(<see cref="HeldOutFraction"/> · n) (at least one when n ≥ 2),
    /// drawn at random with <paramref name="seed"/>, are held out; both parts keep <paramref name="cases"/>' order.
    /// </summary>
    public static (IReadOnlyList<T> Kept, IReadOnlyList<T> HeldOut) Split<T>(IReadOnlyList<T> cases, Func<T, bool> label, int seed)
    {
        var random = new Random(seed);
        var heldOut = new HashSet<int>();
        foreach (var positive in new[] { true, false })
        {
            var members = Enumerable.Range(0, cases.Count).Where(i => label(cases[i]) == positive).ToArray();
            random.Shuffle(members);
            var count = members.Length < 2 ? 0 : Math.Max(1, (int)Math.Round(HeldOutFraction * members.Length, MidpointRounding.AwayFromZero));
            heldOut.UnionWith(members.Take(count));
        }

        return ([.. cases.Where((_, i) => !heldOut.Contains(i))], [.. cases.Where((_, i) => heldOut.Contains(i))]);
    }

    /// <summary>What chose the checkpoints under <paramref name="data"/>, as the leaderboard says it.</summary>
    public static string Describe(ExperimentData data) => UsesInnerSplit(data)
        ? string.Create(CultureInfo.InvariantCulture, $"a stratified {HeldOutFraction * 100:0}% inner split of the training cohort (seeded per trial; the networks trained on the other {(1 - HeldOutFraction) * 100:0}%)")
        : "the internal-validation cohort";
}
