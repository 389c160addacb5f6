namespace OlnmMl.Torch.Pretraining;

/// <summary>The self-supervised proxy tasks of Swin UNETR's pre-training (Tang et al., CVPR 2022); any combination.</summary>
[Flags]
public enum PretrainingTasks
{
    /// <summary>No task.</summary>
    None = 0,

    /// <summary>Rotation prediction: which of 0°, 90°, 180°, 270° about the z (depth) axis turned the crop; cross-entropy over 4 classes.</summary>
    Rotation = 1,

    /// <summary>Masked-volume inpainting: random cubes of the crop are cut out; a light decoder reconstructs the whole crop; L1 loss.</summary>
    Inpainting = 2,

    /// <summary>Contrastive coding: two augmented views of each crop; NT-Xent (InfoNCE over the 2N views) on projected features.</summary>
    Contrastive = 4,

    /// <summary>Intensity-histogram prediction (ours, not Tang et al.'s): the 16-bin histogram of the intact crop's voxels above the window floor; KL divergence (<see cref="IntensityHistogramLoss"/>).</summary>
    Histogram = 8,
}

/// <summary>Command-line names of <see cref="PretrainingTasks"/>: <c>rotation</c>, <c>inpainting</c>, <c>contrastive</c>, <c>histogram</c>, joined by commas.</summary>
public static class PretrainingTaskNames
{
    private static readonly (PretrainingTasks Task, string Name)[] Names =
        [(PretrainingTasks.Rotation, "rotation"), (PretrainingTasks.Inpainting, "inpainting"), (PretrainingTasks.Contrastive, "contrastive"), (PretrainingTasks.Histogram, "histogram")];

    /// <summary>The three tasks of Swin UNETR's pre-training (Tang et al. 2022): rotation, inpainting, contrastive.</summary>
    public const string SwinUnetr = "rotation,inpainting,contrastive";

    /// <summary>Every task name, comma-separated.</summary>
    public static string All { get; } = string.Join(", ", Names.Select(n => n.Name));

    /// <summary>The tasks of a comma-separated list such as <c>rotation,inpainting</c>; an unknown or empty list is refused naming the known tasks.</summary>
    public static PretrainingTasks Parse(string text)
    {
        var tasks = PretrainingTasks.None;
        foreach (var part in text.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var match = Names.FirstOrDefault(n => string.Equals(n.Name, part, StringComparison.OrdinalIgnoreCase));
            tasks |= match.Name is not null
                ? match.Task
                : throw new ArgumentException($"--tasks: '{part}' is not a pre-training task (known: {All}).");
        }
        return tasks != PretrainingTasks.None ? tasks : throw new ArgumentException($"--tasks names no task (known: {All}).");
    }

    /// <summary>The names of <paramref name="tasks"/>, comma-separated, in the order above.</summary>
    public static string Of(PretrainingTasks tasks) => string.Join(",", Names.Where(n => tasks.HasFlag(n.Task)).Select(n => n.Name));
}
