namespace OlnmMl.Reporting.Tables;

/// <summary>One patient's row of the clinical characteristics table.</summary>
/// <param name="Cohort">Cohort name (e.g. "train", "validation", "test-centre5").</param>
/// <param name="Positive">The outcome the report is about: pN+ (occult lymph-node metastasis) or another target such as N1.</param>
/// <param name="Age">Age in years.</param>
/// <param name="Male">Sex.</param>
/// <param name="DiameterCm">Maximum tumour diameter in cm.</param>
/// <param name="Solid">Solid (true) or part-solid (false) density.</param>
/// <param name="Location">"inner", "middle" or "outer".</param>
public sealed record ClinicalRecord(string Cohort, bool Positive, double Age, bool Male, double DiameterCm, bool Solid, string Location);
