namespace OlnmMl.Torch.Mil;

/// <summary>Input row of the MIL scorer: one bag (the column is renamed at run time through a schema definition).</summary>
public sealed class MilInputRow
{
    /// <summary>The bag's instances, n·C·H·W values (instance-major, then C, H, W).</summary>
    public float[] Instances { get; set; } = [];
}

/// <summary>The standard ML.NET binary-classification columns plus the pooled bag features.</summary>
public sealed class MilPredictionRow
{
    /// <summary>Raw score ln(P / (1 − P)) (the bag logit s of a bag-level model).</summary>
    public float Score { get; set; }

    /// <summary>The patient probability P.</summary>
    public float Probability { get; set; }

    /// <summary>P &gt; 0.5.</summary>
    public bool PredictedLabel { get; set; }

    /// <summary>The pooled bag features z (width F).</summary>
    public float[] BagFeatures { get; set; } = [];
}
