using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Tests;

public class ExperimentYamlTests
{
    internal static string ExperimentPath(string file)
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "experiments", file)))
        {
            directory = directory.Parent;
        }

        return directory is null ? throw new FileNotFoundException($"experiments/{file} not found above {AppContext.BaseDirectory}") : Path.Combine(directory.FullName, "experiments", file);
    }

    [Fact]
    public void Paper_table3_grid_has_the_six_published_models()
    {
        // Table 3 rows: radiomics, deep, add*, learnable add*, concat*, concat.
        var experiment = ExperimentYaml.Load(ExperimentPath("paper-table3.yaml"));
        var grid = experiment.Space.Grid(experiment.Tuner.GridResolution);
        var labels = grid.Select(g => g.TryGetValue("fusion", out var f) ? f.AsCategory() : g.GetCategory("trial")).ToArray();
        Assert.Equal(["radiomics-svm", "deep", "add*", "learnable-add*", "concat*", "concat"], labels);
        Assert.Equal(["test-h5", "test-h6"], experiment.Data.ExternalCohorts.ToArray()); // the synthetic cohorts' hospitals 5 and 6
    }

    [Fact]
    public void Paper_table2_grid_has_the_nine_published_backbone_rows_and_pretrains_resnets_in_medicalnet_layout()
    {
        // ResNet-18/34/50 and Swin scratch + pre-trained (8), DenseNet-121 scratch (1); MedicalNet's weights only on
        // the -medicalnet rows, which also run from scratch (3 controls).
        var experiment = ExperimentYaml.Load(ExperimentPath("paper-table2.yaml"));
        var grid = experiment.Space.Grid(experiment.Tuner.GridResolution);
        var rows = grid.Select(g => (g.GetCategory("backbone"), g.TryGetValue("pretrained", out var p) ? p.AsCategory() : "false")).ToArray();
        Assert.Equal(12, grid.Count);
        Assert.Superset(
            new HashSet<(string, string)>
            {
                ("resnet18", "false"), ("resnet18-medicalnet", "true"), ("resnet34", "false"), ("resnet34-medicalnet", "true"),
                ("resnet50", "false"), ("resnet50-medicalnet", "true"), ("densenet121", "false"), ("swin", "false"), ("swin", "true"),
            },
            rows.ToHashSet());
        Assert.All(rows.Where(r => r.Item1.StartsWith("resnet", StringComparison.Ordinal) && r.Item2 == "true"), r => Assert.EndsWith("-medicalnet", r.Item1));
        Assert.All(grid, g => Assert.Equal("concat", g.GetCategory("fusion")));
    }

    [Theory]
    [InlineData("quickstart.yaml")]
    [InlineData("paper-table2.yaml")]
    [InlineData("paper-table3.yaml")]
    public void Write_then_read_gives_the_same_definition(string file)
    {
        var experiment = ExperimentYaml.Load(ExperimentPath(file));
        var again = ExperimentYaml.Read(ExperimentYaml.Write(experiment));
        Assert.Equal(experiment.Name, again.Name);
        Assert.Equal(experiment.Seed, again.Seed);
        Assert.Equal(experiment.Data, again.Data);
        Assert.Equal(experiment.Objective, again.Objective);
        Assert.Equal(experiment.Budget, again.Budget);
        Assert.Equal(experiment.Tuner.Kind, again.Tuner.Kind);
        Assert.Equal(experiment.Space.Grid(3), again.Space.Grid(3));
        Assert.Equal(ExperimentYaml.Write(experiment), ExperimentYaml.Write(again));
    }

    [Fact]
    public void Quickstart_is_small_and_on_the_cpu()
    {
        var experiment = ExperimentYaml.Load(ExperimentPath("quickstart.yaml"));
        Assert.Equal("cpu", experiment.Data.Options["device"]);
        Assert.InRange(experiment.Budget.MaxTrials!.Value, 1, 20);
        Assert.Equal(["radiomics-svm", "deep", "fusion"], ((CategoricalParameter)experiment.Space.Parameters[0]).Choices);
    }

    [Fact]
    public void An_unknown_key_is_reported_with_its_line()
    {
        const string yaml = """
            name: x
            data: {source: synthetic:paper}
            tuner: {kind: random}
            budget: {trials: 3}
            space:
              trial: {choice: [a]}
              c: {float: [0, 1], lgo: true}
            """;
        var error = Assert.Throws<FormatException>(() => ExperimentYaml.Read(yaml, "bad.yaml"));
        Assert.Contains("bad.yaml, line 7", error.Message);
        Assert.Contains("'lgo'", error.Message);
    }

    [Fact]
    public void A_space_without_a_trial_parameter_is_rejected()
    {
        const string yaml = """
            name: x
            data: {source: synthetic:paper}
            tuner: {kind: random}
            budget: {trials: 3}
            space:
              c: {float: [0, 1]}
            """;
        var error = Assert.Throws<FormatException>(() => ExperimentYaml.Read(yaml));
        Assert.Contains("'trial'", error.Message);
    }

    [Fact]
    public void A_relative_manifest_source_resolves_against_the_experiment_file_not_the_current_directory()
    {
        using var folder = new TempDirectory();
        var nested = Directory.CreateDirectory(Path.Combine(folder.Path, "experiments")).FullName;
        var path = Path.Combine(nested, "e.yaml");
        File.WriteAllText(path, """
            name: x
            data: {source: ../cohort/manifest.csv}
            tuner: {kind: random}
            budget: {trials: 3}
            space:
              trial: {choice: [svm]}
            """);

        var experiment = ExperimentYaml.Load(path);

        Assert.Equal(Path.Combine(folder.Path, "cohort", "manifest.csv"), experiment.Data.Source);
        Assert.Equal(experiment.Data, ExperimentYaml.Read(ExperimentYaml.Write(experiment)).Data);
    }

    private const string WithPruner = """
        name: pruned
        data: {source: synthetic:quick}
        tuner: {kind: random}
        pruner: {kind: median, warmup-steps: 2, startup-trials: 3}
        budget: {trials: 4}
        space:
          trial: {value: deep}
        """;

    [Fact]
    public void The_pruner_is_read_and_written_back()
    {
        var experiment = ExperimentYaml.Read(WithPruner);
        Assert.Equal(new PrunerSpec("median", WarmupSteps: 2, StartupTrials: 3), experiment.Pruner);
        Assert.Equal(experiment.Pruner, ExperimentYaml.Read(ExperimentYaml.Write(experiment)).Pruner);
        Assert.Null(ExperimentYaml.Load(ExperimentPath("quickstart.yaml")).Pruner);
        var hyperband = ExperimentYaml.Read(WithPruner.Replace("{kind: median, warmup-steps: 2, startup-trials: 3}", "{kind: hyperband, max-steps: 9}", StringComparison.Ordinal));
        Assert.Equal(new PrunerSpec("hyperband", MaxSteps: 9), hyperband.Pruner);
        Assert.Equal(hyperband.Pruner, ExperimentYaml.Read(ExperimentYaml.Write(hyperband)).Pruner);
    }

    [Theory]
    [InlineData("{kind: patient}", "unknown pruner kind 'patient'")]
    [InlineData("{kind: hyperband, min-steps: 1}", "hyperband needs max-steps")]
    [InlineData("{kind: successive-halving, reduction-factor: 1}", "pruner:")]
    [InlineData("{kind: median, warmup: 2}", "warmup")]
    public void A_bad_pruner_is_refused(string pruner, string expected)
    {
        var error = Assert.Throws<FormatException>(() => ExperimentYaml.Read(WithPruner.Replace("{kind: median, warmup-steps: 2, startup-trials: 3}", pruner, StringComparison.Ordinal)));
        Assert.Contains(expected, error.Message, StringComparison.OrdinalIgnoreCase);
    }
}
