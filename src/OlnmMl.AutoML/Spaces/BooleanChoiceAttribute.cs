namespace OlnmMl.AutoML.Spaces;

/// <summary>
/// Declares a bool option property as the categorical dimension {<c>"false"</c>, <c>"true"</c>} (the experiment YAML's spelling), as
/// <c>Microsoft.ML.SearchSpace.BooleanChoiceAttribute</c> does.
/// </summary>
[AttributeUsage(AttributeTargets.Property, Inherited = false, AllowMultiple = false)]
public sealed class BooleanChoiceAttribute : Attribute
{
    /// <summary>The categories of a boolean choice.</summary>
    public static IReadOnlyList<string> Candidates { get; } = ["false", "true"];
}
