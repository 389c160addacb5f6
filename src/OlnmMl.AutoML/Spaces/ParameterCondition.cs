namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// Makes a parameter active only when the categorical parameter <see cref="Parent"/> takes one of
/// <see cref="Values"/> (e.g. <c>fusion</c> only when <c>trial = fusion</c>).
/// </summary>
/// <param name="Parent">Name of an earlier categorical parameter.</param>
/// <param name="Values">The parent's categories under which the parameter is active.</param>
public sealed record ParameterCondition(string Parent, IReadOnlyList<string> Values)
{
    /// <summary>True when <paramref name="assignment"/> has the parent set to one of <see cref="Values"/>.</summary>
    public bool IsSatisfiedBy(IReadOnlyDictionary<string, ParameterValue> assignment) =>
        assignment.TryGetValue(Parent, out var value)
        && value.Kind == ParameterValueKind.Categorical
        && Values.Contains(value.AsCategory(), StringComparer.Ordinal);
}
