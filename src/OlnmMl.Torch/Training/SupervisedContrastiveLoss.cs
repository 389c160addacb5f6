using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Supervised contrastive loss (Khosla et al. 2020) with cross-centre positives. With
/// zᵢ = eᵢ/‖eᵢ‖, sᵢⱼ = zᵢ·zⱼ/τ and P(i) = { j ≠ i : yⱼ = yᵢ and centreⱼ ≠ centreᵢ },
/// L = mean over anchors with P(i) ≠ ∅ of −(1/|P(i)|) Σ_{p∈P(i)} [s_ip − log Σ_{a≠i} exp(s_ia)].
/// Same-label cases from other hospitals are pulled together; all others pushed apart.
/// Zero when no anchor has a positive. Every scalar operand is an explicit, kept-alive <see cref="ScalarValue"/>.
/// </summary>
public static class SupervisedContrastiveLoss
{
    /// <summary>The loss for embeddings <c>[N, F]</c>, labels <c>[N]</c> (int64) and centre ids <c>[N]</c> (int64).</summary>
    public static Tensor Compute(Tensor embeddings, Tensor labels, Tensor centres, double temperature)
    {
        using var scope = NewDisposeScope();
        using var tau = ScalarValue.Of(temperature);
        using var minusInfinity = ScalarValue.Of(double.NegativeInfinity);
        using var zero = ScalarValue.Of(0);
        using var one = ScalarValue.Of(1);
        using var minusOne = ScalarValue.Of(-1);
        long n = embeddings.shape[0];
        var z = nn.functional.normalize(embeddings, p: 2, dim: 1);
        var similarity = z.matmul(z.t()).div_(tau.Value);
        var self = eye(n, dtype: ScalarType.Bool, device: embeddings.device);
        var positives = labels.unsqueeze(0).eq(labels.unsqueeze(1))
            .logical_and(centres.unsqueeze(0).ne(centres.unsqueeze(1)))
            .logical_and(self.logical_not()).to(ScalarType.Float32);
        var logits = similarity.masked_fill(self, minusInfinity.Value);
        var logProbability = similarity.add(logits.logsumexp(1, keepdim: true), minusOne.Value);
        var positiveCount = positives.sum(1);
        var anchors = positiveCount.gt(zero.Value);
        if (!anchors.any().item<bool>())
        {
            return zeros([], device: embeddings.device).MoveToOuterDisposeScope();
        }
        var perAnchor = (positives * logProbability.masked_fill(self, zero.Value)).sum(1) / positiveCount.clamp_min(one.Value);
        return (-perAnchor.masked_select(anchors).mean()).MoveToOuterDisposeScope();
    }
}
