using static TorchSharp.torch;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// The intensity-histogram proxy task (ours; a first-order radiomics pretext task, not one of Tang et al.'s): the network
/// predicts, from its pooled features, the distribution of the intact crop's foreground intensities. For a crop x windowed to
/// [0, 1], the foreground is the voxels above the window floor (x &gt; 0: in the peritumoral channel, the shell), and the target is
/// p_b = #{x ∈ bin b} / #foreground over B = 16 equal bins of (0, 1] (bin b = min(B − 1, ⌊B·x⌋)). The loss is
/// KL(p ‖ softmax(logits)) = Σ_b p_b (log p_b − log q_b) (0 log 0 = 0), averaged over the crops that have a foreground (a crop
/// without one adds nothing); its minimum is 0. The histogram does not change under quarter turns, so every view of a crop shares
/// the target. Why: rotation needs only shapes, and inpainting's loss is dominated by the window floor when most of a crop is
/// floor, so neither task asks the encoder to code the intensity level of the tissue it sees — which is what first-order
/// radiomics (and the synthetic label model) read.
/// </summary>
internal static class IntensityHistogramLoss
{
    /// <summary>Bins of the target histogram (B).</summary>
    public const int Bins = 16;

    /// <summary>The target p <c>[N, B]</c> of crops <c>[N, 1, E, E, E]</c>; a row of zeros for a crop without foreground.</summary>
    public static Tensor Target(Tensor crops)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        using var zero = Training.ScalarValue.Of(0);
        using var bins = Training.ScalarValue.Of(Bins);
        using var last = Training.ScalarValue.Of(Bins - 1);
        using var one = Training.ScalarValue.Of(1);
        var flat = crops.flatten(1);
        var foreground = flat.gt(zero.Value).to_type(ScalarType.Float32);
        var bin = flat.mul(bins.Value).floor().clamp(zero.Value, last.Value).to_type(ScalarType.Int64);
        var counts = zeros([flat.shape[0], Bins], device: crops.device).scatter_add_(1, bin, foreground);
        return counts.div(counts.sum(1, keepdim: true).clamp_min(one.Value)).MoveToOuterDisposeScope();
    }

    /// <summary>The mean KL divergence of the predicted histograms (<paramref name="logits"/> <c>[N, B]</c>) from <paramref name="target"/> over the crops with a foreground.</summary>
    public static Tensor Compute(Tensor logits, Tensor target)
    {
        using var scope = NewDisposeScope();
        using var zero = Training.ScalarValue.Of(0);
        using var tiny = Training.ScalarValue.Of(1e-12);
        using var one = Training.ScalarValue.Of(1);
        using var minusOne = Training.ScalarValue.Of(-1);
        var counted = target.sum(1).gt(zero.Value).to_type(ScalarType.Float32);
        var entropyTerm = target.mul(target.clamp_min(tiny.Value).log());
        var divergence = entropyTerm.add(target.mul(nn.functional.log_softmax(logits, 1)), minusOne.Value).sum(1);
        return divergence.mul(counted).sum().div(counted.sum().clamp_min(one.Value)).MoveToOuterDisposeScope();
    }
}
