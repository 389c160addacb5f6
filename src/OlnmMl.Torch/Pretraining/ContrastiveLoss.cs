using static TorchSharp.torch;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// NT-Xent (SimCLR; the contrastive loss of Swin UNETR's pre-training): for 2N L2-normalised projections z (two views of
/// N crops), s_ij = z_i·z_j / τ, and ℓ_i = −log( exp(s_{i,p(i)}) / Σ_{k≠i} exp(s_ik) ) with p(i) the other view of i's crop;
/// the loss is the mean of ℓ over the 2N views. Chance level (random projections) is ≈ log(2N − 1).
/// </summary>
internal static class ContrastiveLoss
{
    /// <summary>The loss of views <paramref name="first"/> and <paramref name="second"/> (<c>[N, P]</c> each; row i of both is crop i).</summary>
    public static Tensor Compute(Tensor first, Tensor second, double temperature)
    {
        using var scope = NewDisposeScope();
        long n = first.shape[0];
        var z = nn.functional.normalize(cat([first, second], 0), dim: 1);
        using var tau = Training.ScalarValue.Of(temperature);
        using var excluded = Training.ScalarValue.Of(-1e9);
        var similarity = z.matmul(z.t()).div(tau.Value);
        var self = eye(2 * n, dtype: ScalarType.Bool, device: z.device);
        similarity = similarity.masked_fill(self, excluded.Value);
        var partner = cat([arange(n, 2 * n, device: z.device), arange(0, n, device: z.device)]);
        return nn.functional.cross_entropy(similarity, partner).MoveToOuterDisposeScope();
    }
}
