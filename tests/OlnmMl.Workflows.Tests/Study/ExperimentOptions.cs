using System.Collections.Immutable;
using OlnmMl.AutoML.Experiments;

namespace OlnmMl.Workflows.Tests.Study;

/// <summary>An experiment's <c>data</c> section with only the given <c>options</c> (internal-validation selection, no external cohort).</summary>
internal static class ExperimentOptions
{
    public static ExperimentData Data(params (string Key, string Value)[] options) =>
        new("synthetic:test", SelectionStrategy.InternalValidation, [], options.ToImmutableSortedDictionary(o => o.Key, o => o.Value));
}
