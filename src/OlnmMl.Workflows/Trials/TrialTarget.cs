using OlnmMl.AutoML.Spaces;
using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// The binary target a trial predicts: the trial parameter <c>target</c> (a manifest target such as <c>n1</c> or
/// <c>n2</c>, from the <c>label_&lt;name&gt;</c> columns), default the manifest's <c>label</c> (pN+).
/// </summary>
public static class TrialTarget
{
    /// <summary>Name of the trial parameter.</summary>
    public const string Parameter = "target";

    /// <summary>The target of a trial with <paramref name="parameters"/>.</summary>
    public static string Of(ParameterSet parameters) => TrialParameters.Text(parameters, Parameter, Targets.Default);
}
