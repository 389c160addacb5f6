namespace OlnmMl.Torch.Fusion;

/// <summary>
/// How the pooled deep features d (width W) and the radiomics vector r (width k) are combined
/// before the linear classification head. L(r) is a linear map k → W ("radiomics projection").
/// </summary>
public enum FusionMode
{
    /// <summary><c>add*</c>: d + L(r).</summary>
    AddProjected,

    /// <summary><c>learnable-add*</c>: α·d + β·L(r) with learnable scalars α, β (initialised to 1).</summary>
    LearnableAddProjected,

    /// <summary><c>concat*</c>: [d, L(r)], width 2W.</summary>
    ConcatProjected,

    /// <summary><c>concat</c>: [d, r], width W + k.</summary>
    Concat,

    /// <summary><c>deep-only</c>: d (ablation; the radiomics column is not read).</summary>
    DeepOnly,

    /// <summary><c>radiomics-only</c>: r (ablation; no image encoder).</summary>
    RadiomicsOnly,
}

/// <summary>The published names of the fusion modes (<c>add*</c>, <c>learnable-add*</c>, …).</summary>
public static class FusionModeNames
{
    private static readonly (string Name, FusionMode Mode)[] Table =
    [
        ("add*", FusionMode.AddProjected),
        ("learnable-add*", FusionMode.LearnableAddProjected),
        ("concat*", FusionMode.ConcatProjected),
        ("concat", FusionMode.Concat),
        ("deep-only", FusionMode.DeepOnly),
        ("radiomics-only", FusionMode.RadiomicsOnly),
    ];

    /// <summary>Parses a published name (case-insensitive); throws naming the accepted values.</summary>
    public static FusionMode Parse(string name)
    {
        foreach (var (text, mode) in Table)
        {
            if (string.Equals(text, name, StringComparison.OrdinalIgnoreCase))
            {
                return mode;
            }
        }
        throw new ArgumentException(
            $"Unknown fusion mode '{name}'; expected one of {string.Join(", ", Table.Select(t => t.Name))}.", nameof(name));
    }

    /// <summary>The published name of <paramref name="mode"/>.</summary>
    public static string Name(this FusionMode mode) => Table.First(t => t.Mode == mode).Name;

    /// <summary>True when the mode uses the image encoder.</summary>
    public static bool UsesImage(this FusionMode mode) => mode != FusionMode.RadiomicsOnly;

    /// <summary>True when the mode reads the radiomics vector.</summary>
    public static bool UsesRadiomics(this FusionMode mode) => mode != FusionMode.DeepOnly;
}
