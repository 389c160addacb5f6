using System.Globalization;
using System.Reflection;
using System.Text.Json.Serialization;

namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// Search spaces declared on an options class, as <c>Microsoft.ML.SearchSpace.SearchSpace&lt;T&gt;</c> reads them:
/// every public property with <see cref="RangeAttribute"/>, <see cref="ChoiceAttribute"/> or
/// <see cref="BooleanChoiceAttribute"/> is one parameter, in declaration order, named after the property or its
/// <see cref="JsonPropertyNameAttribute"/> (so an options class can use the experiment YAML's kebab-case names).
/// <see cref="Bind{TOptions}"/> maps a configuration back onto a fresh options object; properties without an
/// attribute keep their defaults.
/// </summary>
public static class SearchSpaces
{
    /// <summary>The search space declared on <typeparamref name="TOptions"/>.</summary>
    public static SearchSpace FromOptions<TOptions>() where TOptions : class, new() =>
        new(Declared(typeof(TOptions)).Select(d => d.Parameter));

    /// <summary>
    /// A new <typeparamref name="TOptions"/> with every declared property set from <paramref name="configuration"/>;
    /// parameters the class does not declare are ignored (a pipeline's configuration holds every step's).
    /// </summary>
    public static TOptions Bind<TOptions>(ParameterSet configuration) where TOptions : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        var options = new TOptions();
        foreach (var (property, parameter) in Declared(typeof(TOptions)))
        {
            if (configuration.TryGetValue(parameter.Name, out var value))
            {
                property.SetValue(options, Convert(value, property.PropertyType));
            }
        }

        return options;
    }

    private static IEnumerable<(PropertyInfo Property, Parameter Parameter)> Declared(Type type)
    {
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).OrderBy(p => p.MetadataToken))
        {
            var name = property.GetCustomAttribute<JsonPropertyNameAttribute>()?.Name ?? property.Name;
            Parameter? parameter = (property.GetCustomAttribute<RangeAttribute>(), property.GetCustomAttribute<ChoiceAttribute>(), property.GetCustomAttribute<BooleanChoiceAttribute>()) switch
            {
                ({ IsInteger: true } range, null, null) => new IntegerParameter(name, (long)range.Min, (long)range.Max, range.LogBase),
                ({ } range, null, null) => new FloatParameter(name, range.Min, range.Max, range.LogBase),
                (null, { } choice, null) => new CategoricalParameter(name, choice.Candidates),
                (null, null, { }) => new CategoricalParameter(name, BooleanChoiceAttribute.Candidates),
                (null, null, null) => null,
                _ => throw new ArgumentException($"Option '{type.Name}.{property.Name}' declares more than one of Range, Choice and BooleanChoice."),
            };
            if (parameter is not null)
            {
                if (!property.CanWrite)
                {
                    throw new ArgumentException($"Option '{type.Name}.{property.Name}' is a search-space dimension but has no setter.");
                }

                yield return (property, parameter);
            }
        }
    }

    private static object Convert(ParameterValue value, Type type)
    {
        var target = Nullable.GetUnderlyingType(type) ?? type;
        return value.Kind switch
        {
            ParameterValueKind.Categorical when target == typeof(string) => value.AsCategory(),
            ParameterValueKind.Categorical when target.IsEnum => Enum.Parse(target, value.AsCategory(), ignoreCase: true),
            ParameterValueKind.Categorical when target == typeof(bool) => bool.Parse(value.AsCategory()),
            ParameterValueKind.Categorical => System.Convert.ChangeType(value.AsCategory(), target, CultureInfo.InvariantCulture),
            ParameterValueKind.Integer => System.Convert.ChangeType(value.AsInteger(), target, CultureInfo.InvariantCulture),
            _ => System.Convert.ChangeType(value.AsDouble(), target, CultureInfo.InvariantCulture),
        };
    }
}
