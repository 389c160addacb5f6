using System.Globalization;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Reads trial parameters with defaults. A number may come from an integer or float parameter, or from a
/// fixed categorical value such as <c>{value: "5"}</c> in the experiment YAML.
/// </summary>
internal static class TrialParameters
{
    public static string Text(ParameterSet parameters, string name, string fallback) =>
        parameters.ContainsKey(name) ? parameters.GetCategory(name) : fallback;

    public static double Number(ParameterSet parameters, string name, double fallback)
    {
        if (!parameters.ContainsKey(name))
        {
            return fallback;
        }

        var text = parameters[name].ToString();
        return double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"Trial parameter '{name}' = '{text}' is not a number.");
    }
}
