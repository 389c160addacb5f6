using System.Diagnostics;

namespace OlnmMl.Cli.Tests;

/// <summary>
/// A bad experiment is refused before any data are prepared (cohort generation and radiomics take minutes): one line
/// naming the experiment file, the key and the value, exit 1, within seconds, and no data folder written. Before,
/// these were reported after the whole data preparation, naming neither the file nor the key.
/// </summary>
[Collection("console")]
public sealed class ExperimentValidationCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-experiment-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private string Experiment(string options, string space) => WriteExperiment($"""
        name: bad
        seed: 1
        data:
          source: synthetic:tiny
          selection: internal-validation
          external: [test-h5]
          options: {options}
        objective: auc
        tuner: {"{kind: random}"}
        budget: {"{trials: 2, parallel: 1}"}
        space:
        {space}
        """);

    private string WriteExperiment(string yaml)
    {
        var path = Path.Combine(_directory, "bad.yaml");
        File.WriteAllText(path, yaml);
        return path;
    }

    [Theory]
    [InlineData("{crop: \"abc\"}", "  trial: {choice: [deep]}", "data.options.crop 'abc' is not a positive integer")]
    [InlineData("{spacing: \"-1\"}", "  trial: {choice: [deep]}", "data.options.spacing '-1' is not a positive number")]
    [InlineData("{channels: \"ct,ct\"}", "  trial: {choice: [deep]}", "data.options.channels 'ct,ct' must name distinct image keys")]
    [InlineData("{window-ct: \"400,-1600\"}", "  trial: {choice: [deep]}", "data.options.window-ct '400,-1600' is not 'lower,upper' with upper > lower")]
    [InlineData("{bag-selection: top-3}", "  trial: {choice: [deep]}", "data.options.bag-selection 'top-3' is not all, largest-K or every-N")]
    [InlineData("{bags: axial+orthogonal, bag-max: \"2\"}", "  trial: {choice: [deep]}", "data.options.bag-max '2' leaves no room for an axial slice")]
    [InlineData("{device: gpu0}", "  trial: {choice: [deep]}", "data.options.device 'gpu0' is not cpu or auto")]
    [InlineData("{epochs: \"ten\"}", "  trial: {choice: [deep]}", "data.options.epochs 'ten' is not a positive integer")]
    [InlineData("{checkpoint-selection: epochs}", "  trial: {choice: [deep]}", "data.options.checkpoint-selection 'epochs' is not validation or inner-split")]
    [InlineData("{ensemble: \"1\"}", "  trial: {choice: [deep]}", "data.options.ensemble '1' must be an integer ≥ 2")]
    [InlineData("{}", "  trial: {choice: [tabular-search]}\n  selector: {value: boruta}", "space.selector 'boruta' is not a selector (expected: cart, tree-gain, mrmr, lasso, utest-lasso)")]
    [InlineData("{}", "  trial: {choice: [tabular-search]}\n  classifier: {value: xgboost}", "space.classifier 'xgboost' is not a classifier (expected: svm, logistic, lightgbm, fasttree)")]
    [InlineData("{}", "  trial: {choice: [deep, xgboost]}", "space.trial 'xgboost' is not a trial kind (known: radiomics-svm, clinical, tabular-search, deep, fusion, mil, dlrad)")]
    [InlineData("{asha-continue: \"no\"}", "  trial: {choice: [deep]}", "data.options.asha-continue 'no' is not true or false")]
    [InlineData("{}", "  trial: {choice: [fusion]}\n  fusion: {choice: [concat, sum]}", "space.fusion 'sum' is not a fusion mode")]
    [InlineData("{}", "  trial: {choice: [deep]}\n  backbone: {value: resnet99}", "space.backbone 'resnet99' is not a backbone (expected for deep and fusion: resnet10,")]
    [InlineData("{}", "  trial: {choice: [deep]}\n  encoders: {value: both}", "space.encoders 'both' is not shared or separate")]
    [InlineData("{}", "  trial: {choice: [mil]}\n  pooling: {value: sum}", "space.pooling 'sum' is not a MIL pooling (expected: mean, max, attention, gated-attention)")]
    [InlineData("{}", "  trial: {choice: [mil]}\n  mil-mode: {value: patient}", "space.mil-mode 'patient' is not bag or instance")]
    [InlineData("{}", "  trial: {choice: [mil]}\n  aggregation: {value: median}", "space.aggregation 'median' is not mean, max or histogram")]
    [InlineData("{}", "  trial: {choice: [deep]}\n  inputs: {value: ct+pet}", "space.inputs 'ct+pet' names 'pet', which is not a channel of the image recipe")]
    [InlineData("{}", "  trial: {choice: [deep]}\n  epochs: {value: many}", "space.epochs 'many' is not a number")]
    [InlineData("{}", "  trial: {choice: [deep]}\n  augment: {choice: [rotate, rotate+mixup]}", "space.augment 'rotate+mixup' names 'mixup', which is not an augmentation (known: rotate, flip, shift, jitter, none)")]
    [InlineData("{}", "  trial: {choice: [deep]}\n  encoder-lr-scale: {value: tenth}", "space.encoder-lr-scale 'tenth' is not a number")]
    [InlineData("{}", "  trial: {choice: [deep, mil]}\n  augment: {value: rotate+shift}", "space.augment 'rotate+shift' names 'shift', which does not apply to the 2.5D bags of mil and dlrad trials")]
    [InlineData("{}", "  trial: {choice: [deep, mil]}\n  mil-mode: {value: bag, when: {trial: [mil]}}\n  augment: {value: jitter, when: {mil-mode: [bag]}}", "space.augment 'jitter' names 'jitter', which does not apply to the 2.5D bags")]
    [InlineData("{channels: ct, peritumoral-mm: \"3\"}", "  trial: {choice: [deep]}", "data.options.peritumoral-mm is set but no channel is peritumoral")]
    public void ABadExperimentIsOneLineNamingFileKeyAndValueBeforeAnyDataIsPrepared(string options, string space, string problem)
    {
        var path = Experiment(options, space);
        var data = Path.Combine(_directory, "data");
        foreach (var command in new[]
        {
            new[] { "sweep", "run", path, "--studies", Path.Combine(_directory, "studies"), "--data", data },
            new[] { "run", "--experiment", path, "--out", Path.Combine(_directory, "reports"), "--data", data },
        })
        {
            var clock = Stopwatch.StartNew();
            var (code, _, error) = InProcessOlnm.Run(command);

            Assert.Equal(1, code);
            Assert.StartsWith($"error: {path}: {problem}", error);
            Assert.Single(error.TrimEnd('\n').Split('\n'));
            Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"{command[0]}: refused after {clock.Elapsed}");
            Assert.False(Directory.Exists(data), $"{command[0]}: {data} was written before the experiment was checked");
        }
    }
}
