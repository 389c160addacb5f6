using OlnmMl.Torch.Fusion;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// Study cases as fusion samples: each case's image input straight from the study's crop cache
/// (<see cref="StudyImages.Crop"/>, memory then disk), its radiomics after the trial's fitted prefix, its label for the
/// trial's target and its centre as the contrastive group.
/// </summary>
/// <param name="cases">The cases, in order.</param>
/// <param name="images">The crop provider; null when the network reads no image.</param>
/// <param name="radiomics">The prefixed radiomics per case; null when the network reads none.</param>
/// <param name="target">The target whose value is the label.</param>
public sealed class StudySamples(IReadOnlyList<StudyCase> cases, StudyImages? images, float[][]? radiomics, string target) : IFusionSamples
{
    /// <inheritdoc />
    public int Count => cases.Count;

    /// <inheritdoc />
    public int ImageLength => images?.Options.Length ?? 0;

    /// <inheritdoc />
    public int RadiomicsWidth => radiomics is { Length: > 0 } ? radiomics[0].Length : 0;

    /// <inheritdoc />
    public bool Label(int index) => cases[index].Outcome(target);

    /// <inheritdoc />
    public string Group(int index) => cases[index].Case.Centre;

    /// <inheritdoc />
    public void CopyImage(int index, Span<float> destination) => images!.Crop(cases[index]).CopyTo(destination);

    /// <inheritdoc />
    public ReadOnlySpan<float> Radiomics(int index) => radiomics is null ? [] : radiomics[index];
}
