using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Tests.Pipelines;

public class TabularPipelineYamlTests
{
    [Fact]
    public void RadiomicsSvmYaml_IsNormaliseThenTreeTop10ThenRbfSvm()
    {
        var pipeline = TabularPipelineYaml.Load(PipelineFiles.Pipeline("radiomics-svm.yaml"));

        Assert.Equal("radiomics-svm", pipeline.Name);
        Assert.Collection(pipeline.Steps,
            s => Assert.Equal(NormalizationMethod.MeanVariance, Assert.IsType<NormalizeStep>(s).Method),
            s => Assert.Equal(10, Assert.IsType<DecisionTreeSelectionOptions>(Assert.IsType<SelectStep>(s).SelectionOptions).TopK),
            s =>
            {
                var svm = Assert.IsType<KernelSvmStep>(s).SvmOptions;
                Assert.Equal(KernelType.Rbf, svm.Kernel);
                Assert.Equal(SvmGamma.Scale, svm.Gamma);
                Assert.Equal(1.0, svm.C);
            });
    }

    [Theory]
    [InlineData("radiomics-svm.yaml")]
    [InlineData("radiomics-utest-lasso-svm.yaml")]
    [InlineData("clinical-logistic.yaml")]
    public void WriteThenParse_GivesTheSamePipeline(string file)
    {
        var pipeline = TabularPipelineYaml.Load(PipelineFiles.Pipeline(file));
        var written = TabularPipelineYaml.Write(pipeline);
        Assert.Equal(written, TabularPipelineYaml.Write(TabularPipelineYaml.Parse(written)));
    }

    [Fact]
    public void LogisticYaml_SetsTheClinicalSignatureScreen_AndWritesItBack()
    {
        const string yaml = "steps:\n  - logistic: {entry_p_value: 0.05, backward_elimination: true}";

        var pipeline = TabularPipelineYaml.Parse(yaml);

        var options = Assert.IsType<LogisticStep>(Assert.Single(pipeline.Steps)).LogisticOptions;
        Assert.Equal((0.05, true), (options.EntryPValue, options.BackwardElimination));
        Assert.Equal(TabularPipelineYaml.Write(pipeline), TabularPipelineYaml.Write(TabularPipelineYaml.Parse(TabularPipelineYaml.Write(pipeline))));
        var error = Assert.Throws<FormatException>(() => TabularPipelineYaml.Parse("steps:\n  - logistic: {backward_elimination: true}"));
        Assert.Contains("set EntryPValue too", error.Message);
    }

    [Fact]
    public void BuilderAndYaml_AreTheSamePipeline()
    {
        var built = new TabularPipelineBuilder("p")
            .NormalizeMeanVariance()
            .Select(new MrmrSelectionOptions { TopK = 5, Bins = 4 })
            .KernelSvm(new KernelSvmOptions { Kernel = KernelType.Polynomial, Degree = 2, Gamma = SvmGamma.Fixed(0.5), Seed = 3 })
            .Build();
        const string yaml = """
            name: p
            seed: 3
            steps:
              - normalize: mean-variance
              - select: {method: mrmr, top_k: 5, bins: 4}
              - svm: {kernel: polynomial, degree: 2, gamma: 0.5}
            """;
        Assert.Equal(TabularPipelineYaml.Write(built), TabularPipelineYaml.Write(TabularPipelineYaml.Parse(yaml)));
    }

    [Theory]
    [InlineData("steps:\n  - select: {method: decision-tree, topk: 3}\n  - svm: {}", "unknown option 'topk'")]
    [InlineData("steps:\n  - select: {method: forest}\n  - svm: {}", "unknown method 'forest'")]
    [InlineData("steps:\n  - normalize: mean-variance", "exactly one trainer")]
    [InlineData("steps:\n  - svm: {c: -1}", "SVM C must be")]
    [InlineData("steps:\n  - svm: {gamma: wide}", "'gamma'")]
    [InlineData("steps:\n  - svm: {kernel: cubic}", "'kernel'")]
    public void InvalidYaml_NamesTheProblem(string yaml, string expected)
    {
        var ex = Assert.Throws<FormatException>(() => TabularPipelineYaml.Parse(yaml, "bad.yaml"));
        Assert.Contains(expected, ex.Message);
        Assert.Contains("bad.yaml", ex.Message);
    }
}
