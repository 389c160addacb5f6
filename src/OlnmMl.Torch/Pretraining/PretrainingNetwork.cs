using OlnmMl.Torch.Networks;
using OlnmMl.Torch.Training;
using TorchSharp;
using static TorchSharp.torch;

namespace OlnmMl.Torch.Pretraining;

/// <summary>
/// A headless catalog encoder (<c>encoder</c>) with the pre-training heads (<c>heads</c>, <see cref="PretrainingHeads"/>) and the
/// losses of Tang et al. 2022 on a batch x of crops <c>[N, 1, E, E, E]</c>. Each of V views (V = 2 with the contrastive task,
/// else 1) is built from x by: quarter turns about the depth axis with labels k (rotation or contrastive task), then cutout
/// (inpainting or contrastive), then intensity jitter ±0.1 (contrastive). Losses, each averaged over the views:
/// rotation CE(rotation_head(f), k); inpainting L1(decoder(f), turned x), the whole crop reconstructed from its cut-out view;
/// contrastive NT-Xent(projection(f₁), projection(f₂)) (<see cref="ContrastiveLoss"/>); histogram (ours) KL(p(x) ‖ softmax(histogram_head(f)))
/// with p(x) the intact crop's foreground intensity histogram (<see cref="IntensityHistogramLoss"/>). The total is their sum.
/// </summary>
internal sealed class PretrainingNetwork : nn.Module
{
    private const double JitterStrength = 0.1;

    private readonly FeatureNetwork encoder;
    private readonly PretrainingHeads heads;
    private readonly PretrainingOptions options;

    /// <summary>Builds the encoder and heads with weights drawn from <paramref name="generator"/>.</summary>
    public PretrainingNetwork(PretrainingOptions options, Generator generator) : base("pretraining")
    {
        this.options = options;
        if (options.Crop.Edge % 8 != 0 || options.Crop.Edge < 16)
        {
            throw new ArgumentException($"--crop {options.Crop.Edge}: the crop edge must be a multiple of 8 and at least 16.");
        }
        encoder = NetworkCatalog.Create(options.Architecture, 1, 0, generator);
        heads = new PretrainingHeads(options.Tasks, encoder.FeatureWidth, options.Crop.Edge, generator);
        RegisterComponents();
    }

    /// <summary>The encoder whose weights are the product of pre-training.</summary>
    public FeatureNetwork Encoder => encoder;

    /// <summary>The loss of every task on <paramref name="batch"/> (task name → scalar tensor), corruptions drawn from <paramref name="random"/>.</summary>
    public Dictionary<string, Tensor> Losses(Tensor batch, Random random)
    {
        var tasks = options.Tasks;
        bool contrastive = tasks.HasFlag(PretrainingTasks.Contrastive);
        var sums = new Dictionary<string, Tensor>();
        var projections = new List<Tensor>();
        var histogram = tasks.HasFlag(PretrainingTasks.Histogram) ? IntensityHistogramLoss.Target(batch) : null;
        int views = contrastive ? 2 : 1;
        for (int v = 0; v < views; v++)
        {
            var (target, turns) = tasks.HasFlag(PretrainingTasks.Rotation) || contrastive
                ? PretrainingViews.Rotate(batch, random)
                : (batch, Array.Empty<long>());
            var input = tasks.HasFlag(PretrainingTasks.Inpainting) || contrastive ? PretrainingViews.Cutout(target, random, options.CutoutBoxes) : target;
            if (contrastive)
            {
                input = IntensityJitter.Apply(input, random, JitterStrength);
            }
            var features = encoder.Features(input);
            if (tasks.HasFlag(PretrainingTasks.Rotation))
            {
                Add(sums, "rotation", nn.functional.cross_entropy(heads.Rotation(features), tensor(turns, device: batch.device)));
            }
            if (tasks.HasFlag(PretrainingTasks.Inpainting))
            {
                Add(sums, "inpainting", nn.functional.l1_loss(heads.Reconstruction(features), target));
            }
            if (histogram is not null)
            {
                Add(sums, "histogram", IntensityHistogramLoss.Compute(heads.Histogram(features), histogram));
            }
            if (contrastive)
            {
                projections.Add(heads.Projection(features));
            }
        }
        if (views > 1)
        {
            using var half = ScalarValue.Of(1.0 / views);
            foreach (var name in sums.Keys.ToArray())
            {
                sums[name] = sums[name].mul(half.Value);
            }
        }
        if (contrastive)
        {
            sums["contrastive"] = ContrastiveLoss.Compute(projections[0], projections[1], options.Temperature);
        }
        return sums;
    }

    /// <summary>The predicted quarter turn (0–3) of each crop of <paramref name="batch"/>; needs the rotation task.</summary>
    public long[] PredictRotation(Tensor batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return heads.Rotation(encoder.Features(batch)).argmax(1).cpu().data<long>().ToArray();
    }

    /// <summary>The predicted foreground intensity histogram (probabilities <c>[N, 16]</c>) of each crop of <paramref name="batch"/>; needs the histogram task.</summary>
    public Tensor PredictHistogram(Tensor batch)
    {
        using var scope = NewDisposeScope();
        using var noGrad = no_grad();
        return nn.functional.softmax(heads.Histogram(encoder.Features(batch)), 1).MoveToOuterDisposeScope();
    }

    private static void Add(Dictionary<string, Tensor> sums, string name, Tensor loss) =>
        sums[name] = sums.TryGetValue(name, out var sum) ? sum.add(loss, ScalarValue.One) : loss;
}
