namespace OlnmMl.Evaluation.Calibration;

/// <summary>How <see cref="ReliabilityCurve"/> forms its bins.</summary>
public enum BinningStrategy
{
    /// <summary>Bins [k/B, (k+1)/B) of equal width on [0, 1] (the last one closed).</summary>
    EqualWidth,

    /// <summary>Bins of (nearly) equal case counts by rank of p: case of rank r goes to bin ⌊r·B/N⌋.</summary>
    EqualCount,
}
