namespace OlnmMl.Torch.Fusion;

/// <summary>Input row of the fusion scorer (columns renamed at run time through a schema definition).</summary>
public sealed class FusionInputRow
{
    /// <summary>The image crop, C·E³ values.</summary>
    public float[] Image { get; set; } = [];

    /// <summary>The radiomics vector.</summary>
    public float[] Radiomics { get; set; } = [];
}

/// <summary>The standard ML.NET binary-classification output columns.</summary>
public sealed class FusionPredictionRow
{
    /// <summary>Raw score s = logit₁ − logit₀.</summary>
    public float Score { get; set; }

    /// <summary>P(positive) = σ(s) = softmax(logits)₁.</summary>
    public float Probability { get; set; }

    /// <summary>Probability &gt; 0.5.</summary>
    public bool PredictedLabel { get; set; }
}
