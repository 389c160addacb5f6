namespace OlnmMl.Radiomics;

/// <summary>
/// One computed feature: its name within its family (e.g. "joint_max"), the 4-character IBSI
/// identifier of the feature (e.g. "GYBY"), the IBSI identifier of the texture aggregation method
/// (BTW3, SUJT, JJUI, ZW7Z, ITBB, IAZD for GLCM/GLRLM; 8QNN, 62GR, KOBO for the zone and neighbourhood
/// families; empty where none applies) and its value (NaN where undefined).
/// </summary>
public readonly record struct FeatureValue(string Name, string IbsiFeature, string IbsiAggregation, double Value);
