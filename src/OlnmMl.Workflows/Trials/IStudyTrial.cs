using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.Onnx.Graph;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Trials;

/// <summary>
/// A trial kind of a study with the hooks the composition layer needs, so that no code outside the kind compares
/// kind strings: the model family a configuration belongs to, and the ONNX export of a finished trial.
/// </summary>
public interface IStudyTrial : ITrialFactory
{
    /// <summary>
    /// The model family of a configuration as leaderboards and reports name it (e.g. <c>radiomics-svm</c>,
    /// <c>fusion concat*</c>, <c>deep ct+pet separate</c>, <c>clinical</c>): the best trial of each family is reported.
    /// The target is not part of it (a study reports each target apart).
    /// </summary>
    string Describe(ParameterSet parameters);

    /// <summary>
    /// Writes the finished <paramref name="trial"/>'s model (its artefacts under <paramref name="artefactRoot"/>) as one
    /// ONNX graph at <paramref name="onnxPath"/> with <paramref name="metadata"/>, and returns how the exported graph
    /// scores study cases in ONNX Runtime (used for the parity check against the stored predictions).
    /// </summary>
    OnnxCaseScorer Export(TrialRecord trial, string artefactRoot, string onnxPath, OnnxModelMetadata metadata);
}

/// <summary>The exported graph's positive-class probability of each of <paramref name="cases"/>, in order.</summary>
/// <param name="cases">Study cases.</param>
/// <param name="scorer">An ONNX Runtime session over the exported file.</param>
public delegate float[] OnnxCaseScorer(IReadOnlyList<StudyCase> cases, OnnxScorer scorer);
