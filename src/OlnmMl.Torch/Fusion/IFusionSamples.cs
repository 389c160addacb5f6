namespace OlnmMl.Torch.Fusion;

/// <summary>
/// The cases a fusion network trains on, read case by case into each mini-batch: the image input of a case is copied
/// once, from wherever it lives (a crop cache, an array), straight into the batch tensor's buffer, and is never held as
/// an ML.NET row. Implementations must be safe to read from one thread at a time; sizes are stated, not inferred.
/// </summary>
public interface IFusionSamples
{
    /// <summary>Number of cases.</summary>
    int Count { get; }

    /// <summary>Values per case of the image input: C·D·H·W of the network's shape (0 when the network reads no image).</summary>
    int ImageLength { get; }

    /// <summary>Radiomics features per case, k (0 when the network reads none).</summary>
    int RadiomicsWidth { get; }

    /// <summary>The label of case <paramref name="index"/> (true = positive).</summary>
    bool Label(int index);

    /// <summary>The group (centre) of case <paramref name="index"/>: the contrastive loss pairs same-label cases of other groups.</summary>
    string Group(int index);

    /// <summary>Copies case <paramref name="index"/>'s image input (<see cref="ImageLength"/> values, C, D, H, W order) into <paramref name="destination"/>.</summary>
    void CopyImage(int index, Span<float> destination);

    /// <summary>Case <paramref name="index"/>'s radiomics (<see cref="RadiomicsWidth"/> values).</summary>
    ReadOnlySpan<float> Radiomics(int index);
}
