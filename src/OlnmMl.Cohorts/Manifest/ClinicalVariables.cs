namespace OlnmMl.Cohorts.Manifest;

/// <summary>Patient sex.</summary>
public enum Sex
{
    /// <summary>Female (CSV: F, female).</summary>
    Female,

    /// <summary>Male (CSV: M, male).</summary>
    Male,
}

/// <summary>Nodule density on CT.</summary>
public enum Density
{
    /// <summary>Pure solid (CSV: solid).</summary>
    Solid,

    /// <summary>Part-solid: a solid core in a ground-glass component (CSV: part-solid).</summary>
    PartSolid,
}

/// <summary>Nodule location by thirds of the lung from the hilum to the pleura.</summary>
public enum NoduleLocation
{
    /// <summary>Inner (central) third.</summary>
    Inner,

    /// <summary>Middle third.</summary>
    Middle,

    /// <summary>Outer (peripheral) third.</summary>
    Outer,
}

/// <summary>
/// Clinical variables of a case; every one may be missing (null). <see cref="Extra"/> holds any further
/// manifest columns verbatim, keyed by column name.
/// </summary>
/// <param name="Age">Age in years.</param>
/// <param name="Sex">Patient sex.</param>
/// <param name="MaxDiameterCm">Largest nodule diameter in centimetres.</param>
/// <param name="Density">Solid or part-solid.</param>
/// <param name="Location">Inner, middle or outer third.</param>
/// <param name="ContrastEnhanced">Whether the CT was contrast-enhanced.</param>
/// <param name="Extra">Other columns (name → raw text).</param>
public sealed record ClinicalVariables(
    double? Age,
    Sex? Sex,
    double? MaxDiameterCm,
    Density? Density,
    NoduleLocation? Location,
    bool? ContrastEnhanced,
    IReadOnlyDictionary<string, string> Extra)
{
    /// <summary>No clinical information.</summary>
    public static ClinicalVariables None { get; } = new(null, null, null, null, null, null, new Dictionary<string, string>());

    /// <inheritdoc />
    public bool Equals(ClinicalVariables? other) =>
        other is not null && Age == other.Age && Sex == other.Sex && MaxDiameterCm == other.MaxDiameterCm
        && Density == other.Density && Location == other.Location && ContrastEnhanced == other.ContrastEnhanced
        && Extra.Count == other.Extra.Count
        && Extra.All(pair => other.Extra.TryGetValue(pair.Key, out var value) && value == pair.Value);

    /// <inheritdoc />
    public override int GetHashCode() => HashCode.Combine(Age, Sex, MaxDiameterCm, Density, Location, ContrastEnhanced, Extra.Count);
}
