using static TorchSharp.torch;

namespace OlnmMl.Torch.Networks;

/// <summary>
/// The ResNet stem conv (7×7×7, stride 2, padding 3) computed as a stride-1 4×4×4 convolution
/// over a 2×2×2 space-to-depth rearrangement of the input, with the same weights.
/// Derivation (per axis): with x_p the input padded by 3 on both sides and k = 2q + r
/// (q ∈ 0..3, r ∈ {0, 1}), y[o] = Σ_k w[k]·x_p[2o + k] = Σ_{q,r} w′[r, q]·s[r][o + q] with
/// s[r][m] = x_p[2m + r] and w′[r, q] = w[2q + r] (0 for 2q + r = 7). The 8 phases r become
/// input channels, so the convolution sees Cin·8 channels instead of Cin, which suits the
/// vectorised convolution kernels better than a 1-channel 7³ stencil. Needs even spatial sizes.
/// On the 2-core EPYC build machine (libtorch 2.10, oneDNN, AVX-512) it measured 1.5× slower than
/// the direct stem (96³, batch 2, forward + weight gradient: 162 ms vs 105 ms, the direct stem
/// reaching 185 GFLOP/s), so it is off by default; it is kept for backends whose direct
/// 1-channel convolution is weak.
/// </summary>
public static class SpaceToDepthStem
{
    /// <summary>True when every spatial size is even (the rearrangement applies).</summary>
    public static bool Applies(Tensor input) => input.shape[2] % 2 == 0 && input.shape[3] % 2 == 0 && input.shape[4] % 2 == 0;

    /// <summary>conv3d(input, weight, stride 2, padding 3) for a [Cout, Cin, 7, 7, 7] weight, via space-to-depth.</summary>
    public static Tensor Convolve(Tensor input, Tensor weight)
    {
        using var scope = NewDisposeScope();
        long n = input.shape[0], c = input.shape[1];
        var padded = nn.functional.pad(input, [3, 3, 3, 3, 3, 3]);
        long d = padded.shape[2] / 2, h = padded.shape[3] / 2, w = padded.shape[4] / 2;
        var phases = padded.view(n, c, d, 2, h, 2, w, 2).permute(0, 1, 3, 5, 7, 2, 4, 6).reshape(n, c * 8, d, h, w);
        long cout = weight.shape[0];
        var kernel = nn.functional.pad(weight, [0, 1, 0, 1, 0, 1])
            .view(cout, c, 4, 2, 4, 2, 4, 2).permute(0, 1, 3, 5, 7, 2, 4, 6).reshape(cout, c * 8, 4, 4, 4);
        return nn.functional.conv3d(phases, kernel).MoveToOuterDisposeScope();
    }
}
