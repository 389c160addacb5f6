namespace OlnmMl.Torch.Mil;

/// <summary>How a multi-instance network pools its instances' features h₁…h_n into one bag vector z.</summary>
public enum MilPoolingKind
{
    /// <summary>z = Σₙ mₙ hₙ / Σₙ mₙ (masked mean).</summary>
    Mean,

    /// <summary>z_f = maxₙ {h_{n,f} : mₙ = 1} (masked element-wise max).</summary>
    Max,

    /// <summary>Attention (Ilse et al. 2018): z = Σₙ aₙ hₙ, a = softmaxₙ(wᵀ tanh(V hₙ)) over the real instances.</summary>
    Attention,

    /// <summary>Gated attention (Ilse et al. 2018): a = softmaxₙ(wᵀ (tanh(V hₙ) ⊙ σ(U hₙ))) over the real instances.</summary>
    GatedAttention,
}

/// <summary>The names under which pooling kinds are stored and written (<c>mean</c>, <c>max</c>, <c>attention</c>, <c>gated-attention</c>).</summary>
public static class MilPoolingNames
{
    /// <summary>Every pooling name, in <see cref="MilPoolingKind"/> order.</summary>
    public static IReadOnlyList<string> All { get; } = ["mean", "max", "attention", "gated-attention"];

    /// <summary>The stored name of <paramref name="kind"/>.</summary>
    public static string Name(this MilPoolingKind kind) => All[(int)kind];

    /// <summary>The kind named <paramref name="name"/> (case-insensitive).</summary>
    /// <exception cref="ArgumentException">The name is none of <see cref="All"/>.</exception>
    public static MilPoolingKind Parse(string name)
    {
        int index = All.ToList().IndexOf(name.ToLowerInvariant());
        return index >= 0
            ? (MilPoolingKind)index
            : throw new ArgumentException($"Unknown MIL pooling '{name}'; expected one of {string.Join(", ", All)}.", nameof(name));
    }

    /// <summary>True for the kinds with learnable attention weights.</summary>
    public static bool IsAttention(this MilPoolingKind kind) => kind is MilPoolingKind.Attention or MilPoolingKind.GatedAttention;
}
