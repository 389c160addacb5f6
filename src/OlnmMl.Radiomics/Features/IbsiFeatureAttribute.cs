namespace OlnmMl.Radiomics.Features;

/// <summary>Marks a feature method: its name within the family (snake_case) and its 4-character IBSI identifier.</summary>
/// <param name="name">Feature name, e.g. "mean".</param>
/// <param name="code">IBSI identifier, e.g. "Q4LE".</param>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = false)]
public sealed class IbsiFeatureAttribute(string name, string code) : Attribute
{
    /// <summary>Feature name within its family.</summary>
    public string Name { get; } = name;

    /// <summary>The IBSI identifier.</summary>
    public string Code { get; } = code;
}
