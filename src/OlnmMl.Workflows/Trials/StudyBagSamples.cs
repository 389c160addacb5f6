using OlnmMl.Torch.Mil;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Study cases as multi-instance samples: each case's slice bag straight from <see cref="StudyBags.Bag"/> (memory, then
/// disk), its label for the trial's target and its centre as the group. Shapes are the recipe's: C =
/// <see cref="Imaging.Preprocessing.SliceBagOptions.InstanceChannels"/>, H = W = <see cref="Imaging.Preprocessing.SliceBagOptions.Size"/>,
/// at most <see cref="Imaging.Preprocessing.SliceBagOptions.MaxInstances"/> instances per bag.
/// </summary>
/// <param name="cases">The cases, in order.</param>
/// <param name="bags">The bag provider.</param>
/// <param name="target">The target whose value is the label.</param>
public sealed class StudyBagSamples(IReadOnlyList<StudyCase> cases, StudyBags bags, string target) : IBagSamples
{
    /// <inheritdoc />
    public int Count => cases.Count;

    /// <inheritdoc />
    public int Channels => bags.Options.InstanceChannels;

    /// <inheritdoc />
    public int Height => bags.Options.Size;

    /// <inheritdoc />
    public int Width => bags.Options.Size;

    /// <inheritdoc />
    public int MaxInstances => bags.Options.MaxInstances;

    /// <inheritdoc />
    public int InstanceCount(int index) => bags.Bag(cases[index]).Count;

    /// <inheritdoc />
    public bool Label(int index) => cases[index].Outcome(target);

    /// <inheritdoc />
    public string Group(int index) => cases[index].Case.Centre;

    /// <inheritdoc />
    public void CopyInstances(int index, Span<float> destination) => bags.Bag(cases[index]).Values.CopyTo(destination);
}
