using System.Text.Json.Serialization;

namespace OlnmMl.Radiomics.Settings;

/// <summary>How intensities are mapped to grey levels (IBSI 1 §2.7).</summary>
public enum DiscretisationMethod
{
    /// <summary>Fixed bin number: level = ⌊N_g (x − x_min)/(x_max − x_min)⌋ + 1, with x = x_max mapped to N_g.</summary>
    FixedBinNumber,

    /// <summary>Fixed bin size: level = ⌊(x − x_lb)/w_b⌋ + 1, x_lb the re-segmentation lower bound (else the ROI minimum).</summary>
    FixedBinSize,

    /// <summary>No discretisation: level = round(x); intensities must already be integers ≥ 1.</summary>
    None,
}

/// <summary>Where the first bin of <see cref="DiscretisationMethod.FixedBinSize"/> starts.</summary>
public enum BinOrigin
{
    /// <summary>IBSI: x_lb is the re-segmentation lower bound, else the ROI minimum.</summary>
    LowerBound,

    /// <summary>
    /// PyRadiomics (binWidth): bin edges at multiples of w_b, x_lb = ⌊x_min/w_b⌋·w_b, so level =
    /// ⌊x/w_b⌋ − ⌊x_min/w_b⌋ + 1 whatever the re-segmentation range.
    /// </summary>
    Zero,
}

/// <summary>One discretisation recipe: the method and its parameter (bin count or bin width).</summary>
/// <param name="Method">The discretisation method.</param>
/// <param name="BinCount">Number of bins N_g for <see cref="DiscretisationMethod.FixedBinNumber"/>.</param>
/// <param name="BinWidth">Bin width w_b (intensity units) for <see cref="DiscretisationMethod.FixedBinSize"/>.</param>
/// <param name="Origin">Where fixed-bin-size bins start (left out of the recipe hash when it is the IBSI default).</param>
public sealed record DiscretisationSettings(
    DiscretisationMethod Method,
    int BinCount = 32,
    double BinWidth = 25,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)] BinOrigin Origin = BinOrigin.LowerBound)
{
    /// <summary>No discretisation.</summary>
    public static DiscretisationSettings Identity { get; } = new(DiscretisationMethod.None);

    /// <summary>Short description used in provenance, e.g. "fbn32", "fbs25", "fbs25-zero" (PyRadiomics' bin edges), "none".</summary>
    public string Describe() => Method switch
    {
        DiscretisationMethod.FixedBinNumber => $"fbn{BinCount}",
        DiscretisationMethod.FixedBinSize => FormattableString.Invariant($"fbs{BinWidth}{(Origin == BinOrigin.Zero ? "-zero" : "")}"),
        _ => "none",
    };
}
