using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// The heads that exist only during pre-training, on the encoder's pooled feature vector f (width W), as in Swin UNETR's
/// pre-training (Tang et al. 2022), named as a PyTorch module would name them:
/// <c>rotation_head</c> Linear W → 4 (logits of 0°, 90°, 180°, 270°); <c>contrastive_head</c> Linear W → 512 (the projection
/// whose outputs NT-Xent compares); <c>inpainting_head</c> a light decoder: <c>fc</c> Linear W → 16·g³ with g = E/8, reshaped to
/// <c>[N, 16, g, g, g]</c>, ReLU, <c>conv</c> Conv3d 16 → 1 (3³, padding 1), then trilinear upsampling ×8 to <c>[N, 1, E, E, E]</c>;
/// and ours, <c>histogram_head</c> Linear W → 16 (logits of the foreground intensity histogram, <see cref="IntensityHistogramLoss"/>).
/// Deviation: Tang et al. decode the bottleneck feature map with transposed convolutions; our encoders expose the pooled vector
/// (the contract every downstream network uses), so the decoder starts from f, which forces the pooled features to keep the
/// crop's coarse layout. Heads of tasks not trained are absent.
/// </summary>
internal sealed class PretrainingHeads : nn.Module
{
    /// <summary>Channels of the inpainting decoder's coarse grid.</summary>
    private const int DecoderChannels = 16;

    /// <summary>Width of the contrastive projection (Tang et al.'s 512).</summary>
    private const int ProjectionWidth = 512;

    private readonly Linear? rotation_head;
    private readonly Linear? contrastive_head;
    private readonly Sequential? inpainting_head;
    private readonly Linear? histogram_head;
    private readonly int edge;

    /// <summary>Heads for <paramref name="tasks"/> on features of width <paramref name="featureWidth"/> and crops of <paramref name="edge"/>³ voxels (a multiple of 8).</summary>
    public PretrainingHeads(PretrainingTasks tasks, int featureWidth, int edge, Generator generator) : base("pretraining_heads")
    {
        this.edge = edge;
        int coarse = edge / 8;
        if (tasks.HasFlag(PretrainingTasks.Rotation))
        {
            rotation_head = nn.Linear(featureWidth, 4);
        }
        if (tasks.HasFlag(PretrainingTasks.Contrastive))
        {
            contrastive_head = nn.Linear(featureWidth, ProjectionWidth);
        }
        if (tasks.HasFlag(PretrainingTasks.Inpainting))
        {
            inpainting_head = nn.Sequential(
                ("fc", nn.Linear(featureWidth, DecoderChannels * coarse * coarse * coarse)),
                ("unflatten", nn.Unflatten(1, [DecoderChannels, coarse, coarse, coarse])),
                ("relu", nn.ReLU()),
                ("conv", nn.Conv3d(DecoderChannels, 1, 3, padding: 1)));
        }
        if (tasks.HasFlag(PretrainingTasks.Histogram))
        {
            histogram_head = nn.Linear(featureWidth, IntensityHistogramLoss.Bins);
        }
        RegisterComponents();
        Networks.NetworkInitialisation.PyTorchDefaults(this, generator);
    }

    /// <summary>Rotation logits <c>[N, 4]</c>.</summary>
    public Tensor Rotation(Tensor features) => rotation_head!.forward(features);

    /// <summary>Contrastive projection <c>[N, 512]</c>.</summary>
    public Tensor Projection(Tensor features) => contrastive_head!.forward(features);

    /// <summary>Histogram logits <c>[N, 16]</c>.</summary>
    public Tensor Histogram(Tensor features) => histogram_head!.forward(features);

    /// <summary>The reconstructed crop <c>[N, 1, E, E, E]</c>.</summary>
    public Tensor Reconstruction(Tensor features) =>
        nn.functional.interpolate(inpainting_head!.forward(features), size: [edge, edge, edge], mode: InterpolationMode.Trilinear, align_corners: false);
}
