namespace OlnmMl.Cohorts.Synthetic;

/// <summary>Pathological nodal stage of a synthetic PET/CT patient (occult: clinically N0 before surgery).</summary>
public enum NodalStage
{
    /// <summary>No nodal metastasis (pN0).</summary>
    N0,

    /// <summary>Ipsilateral peribronchial or hilar nodes (pN1), without mediastinal ones.</summary>
    N1,

    /// <summary>Ipsilateral mediastinal or subcarinal nodes (pN2), with or without N1 nodes (skip metastases included).</summary>
    N2,
}
