namespace OlnmMl.Workflows.Study;

/// <summary>One case as an ML.NET row: the columns every trial's pipeline reads.</summary>
public sealed class StudyRow
{
    /// <summary>Case id.</summary>
    public string Id { get; set; } = string.Empty;

    /// <summary>Centre name (the contrastive loss pulls same-label cases of different centres together).</summary>
    public string Centre { get; set; } = string.Empty;

    /// <summary>The trial's target (default pN+).</summary>
    public bool Label { get; set; }

    /// <summary>Radiomics vector (slot names = feature names).</summary>
    public float[] Features { get; set; } = [];
}
