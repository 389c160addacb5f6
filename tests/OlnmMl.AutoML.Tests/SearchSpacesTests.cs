using System.Text.Json.Serialization;
using Microsoft.ML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Fluent;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Tests;

/// <summary>Search spaces declared with Range/Choice attributes, and their 1:1 match with the experiment YAML.</summary>
public class SearchSpacesTests
{
    public enum Kernel
    {
        Linear,
        Rbf,
    }

    /// <summary>The radiomics-SVM and deep parameters of experiments/quickstart.yaml, declared as ML.NET AutoML options.</summary>
    public sealed class QuickstartOptions
    {
        [JsonPropertyName("top-k")]
        [Range(5, 20, 10)]
        public int TopK { get; set; }

        [JsonPropertyName("svm-c")]
        [Range(0.1, 100.0, 1.0, logBase: true)]
        public double C { get; set; }

        [JsonPropertyName("epochs")]
        [Range(4, 10)]
        public int Epochs { get; set; }

        [JsonPropertyName("learning-rate")]
        [Range(0.0001, 0.01, logBase: true)]
        public float LearningRate { get; set; }

        [JsonPropertyName("fusion")]
        [Choice("add*", "learnable-add*", "concat*", "concat")]
        public string Fusion { get; set; } = "concat";
    }

    public sealed class MixedOptions
    {
        [Choice(Kernel.Linear, Kernel.Rbf)]
        public Kernel Kernel { get; set; }

        [BooleanChoice]
        public bool Shrinking { get; set; }

        [Choice(3, 5)]
        public int Degree { get; set; }

        public int Untouched { get; set; } = 17;
    }

    /// <summary>Name, kind, bounds, log flag and choices of a parameter, ignoring its condition.</summary>
    private static string Describe(Parameter parameter) => parameter switch
    {
        IntegerParameter p => $"{p.Name}: int [{p.Low}, {p.High}] log={p.Log}",
        FloatParameter p => $"{p.Name}: float [{p.Low}, {p.High}] log={p.Log}",
        CategoricalParameter p => $"{p.Name}: choice [{string.Join(", ", p.Choices)}]",
        _ => throw new ArgumentException(parameter.Name),
    };

    [Fact]
    public void The_attribute_declared_options_give_the_quickstart_yaml_parameters()
    {
        var yaml = ExperimentYaml.Load(ExperimentYamlTests.ExperimentPath("quickstart.yaml")).Space.Parameters.ToDictionary(p => p.Name);
        var declared = SearchSpaces.FromOptions<QuickstartOptions>().Parameters;
        Assert.Equal(["top-k", "svm-c", "epochs", "learning-rate", "fusion"], declared.Select(p => p.Name));
        Assert.All(declared, p => Assert.Equal(Describe(yaml[p.Name]), Describe(p)));
    }

    [Fact]
    public void A_fluent_experiment_writes_the_yaml_it_was_declared_by()
    {
        const string yaml = """
            name: automl
            seed: 3
            data: {source: in-memory}
            tuner: {kind: random}
            budget: {trials: 4}
            space:
              trial: {value: sweepable-pipeline}
              top-k: {int: [5, 20]}
              svm-c: {float: [0.1, 100], log: true}
              epochs: {int: [4, 10]}
              learning-rate: {float: [0.0001, 0.01], log: true}
              fusion: {choice: ["add*", "learnable-add*", "concat*", concat]}
            """;
        var ml = new MLContext(0);
        var fluent = ml.Auto().CreateExperiment()
            .SetPipeline(ml.Auto().CreateSweepableEstimator((MLContext _, QuickstartOptions _) => ml.Transforms.CopyColumns("a", "b")))
            .SetBinaryClassificationMetric(BinaryClassificationMetric.AreaUnderRocCurve)
            .SetMaxModelToExplore(4)
            .SetRandomSearchTuner(seed: 3)
            .ToExperimentDefinition();
        var declared = ExperimentYaml.Read(yaml);
        Assert.Equal(declared.Space.Parameters.Select(Describe), fluent.Space.Parameters.Select(Describe));
        Assert.Equal(ExperimentYaml.Write(declared), ExperimentYaml.Write(fluent));
    }

    [Fact]
    public void Bind_converts_each_category_and_number_to_the_property_type()
    {
        var space = SearchSpaces.FromOptions<MixedOptions>();
        Assert.Equal(["Kernel: choice [Linear, Rbf]", "Shrinking: choice [false, true]", "Degree: choice [3, 5]"], space.Parameters.Select(Describe));
        var options = SearchSpaces.Bind<MixedOptions>(new ParameterSet(new Dictionary<string, ParameterValue>
        {
            ["Kernel"] = ParameterValue.Of("Rbf"),
            ["Shrinking"] = ParameterValue.Of("true"),
            ["Degree"] = ParameterValue.Of("5"),
            ["other-step"] = ParameterValue.Of(2L),
        }));
        Assert.Equal((Kernel.Rbf, true, 5, 17), (options.Kernel, options.Shrinking, options.Degree, options.Untouched));

        var quick = SearchSpaces.Bind<QuickstartOptions>(new ParameterSet(new Dictionary<string, ParameterValue>
        {
            ["top-k"] = ParameterValue.Of(7L),
            ["learning-rate"] = ParameterValue.Of(0.001),
        }));
        Assert.Equal((7, 0.001f), (quick.TopK, quick.LearningRate));
    }
}
