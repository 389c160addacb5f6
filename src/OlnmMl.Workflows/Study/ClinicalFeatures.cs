using System.Globalization;
using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Workflows.Study;

/// <summary>
/// The clinical variables of a study as numbers, for the clinical logistic model: <c>age</c> (years), <c>male</c>,
/// <c>diameter_cm</c>, <c>solid</c> (pure solid vs part-solid), <c>central</c> (inner third) and <c>middle</c>
/// (reference: outer third), then every further manifest column (<see cref="ClinicalVariables.Extra"/>) that is numeric in
/// every case (as is) or takes exactly two text values (<c>NAME_LEVEL</c> = 1 for the alphabetically first level, e.g.
/// <c>side_left</c>). A variable is offered only when every case of the study has it, so no value is ever imputed.
/// </summary>
public sealed class ClinicalFeatures
{
    private readonly (string Name, Func<Case, double> Value)[] _variables;

    private ClinicalFeatures((string Name, Func<Case, double> Value)[] variables) => _variables = variables;

    /// <summary>The variable names, in vector order.</summary>
    public IReadOnlyList<string> Names => _variables.Select(v => v.Name).ToArray();

    /// <summary>The variables every case of <paramref name="cases"/> has.</summary>
    public static ClinicalFeatures Of(IReadOnlyList<Case> cases)
    {
        var variables = new List<(string, Func<Case, double>)>();
        void Offer(string name, Func<ClinicalVariables, double?> value)
        {
            if (cases.Count > 0 && cases.All(c => value(c.Clinical) is not null))
            {
                variables.Add((name, c => value(c.Clinical)!.Value));
            }
        }

        Offer("age", c => c.Age);
        Offer("male", c => c.Sex is { } sex ? sex == Sex.Male ? 1 : 0 : null);
        Offer("diameter_cm", c => c.MaxDiameterCm);
        Offer("solid", c => c.Density is { } density ? density == Density.Solid ? 1 : 0 : null);
        Offer("central", c => c.Location is { } location ? location == NoduleLocation.Inner ? 1 : 0 : null);
        Offer("middle", c => c.Location is { } location ? location == NoduleLocation.Middle ? 1 : 0 : null);
        foreach (var column in cases.Count == 0 ? Enumerable.Empty<string>() : cases[0].Clinical.Extra.Keys.Order(StringComparer.Ordinal))
        {
            var texts = cases.Select(c => c.Clinical.Extra.GetValueOrDefault(column)?.Trim() ?? string.Empty).ToArray();
            if (texts.Any(t => t.Length == 0))
            {
                continue;
            }

            if (texts.All(t => double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && double.IsFinite(v)))
            {
                variables.Add((column, c => double.Parse(c.Clinical.Extra[column], NumberStyles.Float, CultureInfo.InvariantCulture)));
            }
            else if (texts.Distinct(StringComparer.OrdinalIgnoreCase).Order(StringComparer.OrdinalIgnoreCase).ToArray() is [var level, _])
            {
                variables.Add(($"{column}_{level.ToLowerInvariant()}", c => string.Equals(c.Clinical.Extra[column].Trim(), level, StringComparison.OrdinalIgnoreCase) ? 1 : 0));
            }
        }

        return new ClinicalFeatures([.. variables]);
    }

    /// <summary>The variables of <paramref name="clinicalCase"/>, in <see cref="Names"/> order.</summary>
    public float[] Of(Case clinicalCase) => _variables.Select(v => (float)v.Value(clinicalCase)).ToArray();
}
