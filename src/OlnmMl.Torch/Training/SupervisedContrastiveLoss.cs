using static TorchSharp.torch;

namespace OlnmMl.Torch.Training;

/// <summary>
/// Supervised contrastive loss (Khosla et al. 2020) with cross-centre positives. With
/// zᵢ = eᵢ/‖eᵢ‖, sᵢⱼ = zᵢ·zⱼ/τ and P(i) = { j ≠ i : yⱼ = yᵢ and centreⱼ ≠ centreᵢ },
/// L = mean over anchors with P(i) ≠ ∅ of −(1/|P(i)|) Σ_{p∈P(i)} [s_ip − log Σ_{a≠i} exp(s_ia)].
/// Same-label cases from other hospitals are pulled together; all others pushed apart.
/// Zero when no anchor has a positive.
/// </summary>
public static class SupervisedContrastiveLoss
{
    /// <summary>The loss for embeddings <c>[N, F]</c>, labels <c>[N]</c> (int64) and centre ids <c>[N]</c> (int64).</summary>
    public static Tensor Compute(Tensor embeddings, Tensor labels, Tensor centres, double temperature)
    {
        using var scope = NewDisposeScope();
        long n = embeddings.shape[0];
        var z = nn.functional.normalize(embeddings, p: 2, dim: 1);
        var similarity = z.matmul(z.t()) / temperature;
        var self = eye(n, dtype: ScalarType.Bool, device: embeddings.device);
        var positives = labels.unsqueeze(0).eq(labels.unsqueeze(1))
            .logical_and(centres.unsqueeze(0).ne(centres.unsqueeze(1)))
            .logical_and(self.logical_not()).to(ScalarType.Float32);
        var logits = similarity.masked_fill(self, double.NegativeInfinity);
        var logProbability = similarity - logits.logsumexp(1, keepdim: true);
        var positiveCount = positives.sum(1);
        var anchors = positiveCount.gt(0);
        if (!anchors.any().item<bool>())
        {
            return zeros([], device: embeddings.device).MoveToOuterDisposeScope();
        }
        var perAnchor = (positives * logProbability.masked_fill(self, 0)).sum(1) / positiveCount.clamp_min(1);
        return (-perAnchor.masked_select(anchors).mean()).MoveToOuterDisposeScope();
    }
}
