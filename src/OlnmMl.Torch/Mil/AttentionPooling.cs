using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Training;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Mil;

/// <summary>
/// Attention-based MIL pooling (Ilse, Tomczak and Welling 2018, "Attention-based deep multiple instance learning"):
/// z = Σₙ aₙ hₙ with aₙ = exp(eₙ) / Σ_{k: m_k = 1} exp(e_k) over the real instances (aₙ = 0 for padding), where
/// eₙ = wᵀ tanh(V hₙ) (attention) or eₙ = wᵀ (tanh(V hₙ) ⊙ σ(U hₙ)) (gated attention). Parameters:
/// <c>attention_V</c> (Linear F → L), <c>attention_U</c> (Linear F → L, gated only) and <c>attention_w</c>
/// (Linear L → 1 without bias: a bias shifts every eₙ alike and cancels in the softmax).
/// A bag of one instance has a₁ = 1, so z = h₁.
/// </summary>
public sealed class AttentionPooling : MilPooling
{
    private readonly Linear attention_V;
    private readonly Linear? attention_U;
    private readonly Linear attention_w;

    /// <summary>Pools features of width <paramref name="featureWidth"/> with hidden width L = <paramref name="attentionWidth"/>.</summary>
    public AttentionPooling(int featureWidth, int attentionWidth, bool gated, Generator? generator = null)
        : base(gated ? "gated_attention_pooling" : "attention_pooling")
    {
        attention_V = nn.Linear(featureWidth, attentionWidth);
        attention_U = gated ? nn.Linear(featureWidth, attentionWidth) : null;
        attention_w = nn.Linear(attentionWidth, 1, hasBias: false);
        RegisterComponents();
        if (generator is not null)
        {
            NetworkInitialisation.PyTorchDefaults(this, generator);
        }
    }

    /// <summary>The attention weights a [B, N] (0 on padding; each row sums to 1).</summary>
    public Tensor Weights(Tensor features, Tensor mask)
    {
        CheckShapes(features, mask);
        using var scope = NewDisposeScope();
        using var minusInfinity = ScalarValue.Of(double.NegativeInfinity);
        var hidden = attention_V.forward(features).tanh();
        if (attention_U is not null)
        {
            hidden = hidden * attention_U.forward(features).sigmoid();
        }
        var logits = attention_w.forward(hidden).masked_fill(Padding(mask), minusInfinity.Value);
        return logits.softmax(1).squeeze(-1).MoveToOuterDisposeScope();
    }

    /// <inheritdoc/>
    public override Tensor forward(Tensor features, Tensor mask)
    {
        using var scope = NewDisposeScope();
        var weights = Weights(features, mask).unsqueeze(-1);
        return (weights * features).sum(1).MoveToOuterDisposeScope();
    }
}
