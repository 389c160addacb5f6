namespace OlnmMl.Onnx.Networks;

/// <summary>
/// How an instance-level multi-instance model turns its instance probabilities pₙ = σ(head(hₙ)) into the patient's P
/// (OlnmMl.Torch's <c>MilAggregation</c> and fitted <c>HistogramClassifier</c>): <c>mean</c> P = Σ mₙpₙ / Σ mₙ;
/// <c>max</c> P = max over real instances; <c>histogram</c> counts c_k of real instances in bin
/// k = min(⌊pₙK⌋, K − 1), t_k = (c_k / Σc)·idf_k, t ← t / ‖t‖₂, P = σ(wᵀt + b).
/// </summary>
/// <param name="Kind"><c>mean</c>, <c>max</c> or <c>histogram</c>.</param>
/// <param name="InverseDocumentFrequencies">idf_k of the K bins (histogram only).</param>
/// <param name="Weights">Logistic weights w [K] (histogram only).</param>
/// <param name="Bias">Logistic bias b (histogram only).</param>
public sealed record MilAggregationSpec(
    string Kind, IReadOnlyList<double>? InverseDocumentFrequencies = null, IReadOnlyList<double>? Weights = null, double Bias = 0);
