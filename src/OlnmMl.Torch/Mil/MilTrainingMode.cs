using System.Text.Json.Serialization;

namespace OlnmMl.Torch.Mil;

/// <summary>How a multi-instance network learns from patient labels (the two schemes of published 2.5D pipelines).</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MilTrainingMode>))]
public enum MilTrainingMode
{
    /// <summary>End to end: the pooled bag logit s is trained with the patient label y (binary cross-entropy).</summary>
    BagLevel,

    /// <summary>
    /// Each real instance's logit is trained with its patient's label; after training, the instance probabilities of a
    /// bag are aggregated into the patient's (see <see cref="MilAggregation"/>).
    /// </summary>
    InstanceLevel,
}

/// <summary>How instance-level training turns a bag's instance probabilities p₁…p_n into the patient's probability.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<MilAggregation>))]
public enum MilAggregation
{
    /// <summary>P = (1/n) Σₙ pₙ.</summary>
    Mean,

    /// <summary>P = maxₙ pₙ.</summary>
    Max,

    /// <summary>
    /// Prediction histogram + bag of words: the TF-IDF features of the bag's histogram of pₙ (<see cref="PredictionHistogram"/>)
    /// fed to a logistic classifier fitted on the training bags (<see cref="HistogramClassifier"/>).
    /// </summary>
    Histogram,
}
