using System.Collections.Immutable;
using System.Text.RegularExpressions;
using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Store;
using OlnmMl.AutoML.Tuners;

namespace OlnmMl.AutoML.Fluent;

/// <summary>
/// A sweep configured fluently, as <c>Microsoft.ML.AutoML.AutoMLExperiment</c>: pipeline, train/validation data, metric,
/// budget, tuner, monitor, then <see cref="RunAsync"/>, which returns the best trial. A thin façade: it builds an
/// <see cref="ExperimentDefinition"/> whose space is <c>trial = sweepable-pipeline</c> followed by the pipeline's
/// parameters, and runs it with <see cref="SweepRunner"/> on an <see cref="InMemoryStudyStore"/>, or with
/// <see cref="Sweeps.RunAsync(ExperimentDefinition, StudyLocation, TrialFactoryRegistry, ISweepProgress?, IReadOnlyDictionary{string, string}?, CancellationToken)"/>
/// on a SQLite study after <see cref="SetStudyPath"/> (then <c>olnm sweep status / leaderboard</c> read it).
/// Differences from ML.NET: the default tuner is SMAC; <see cref="SetMaxModelToExplore"/> counts every trial;
/// the tuner functions take our <see cref="TunerSpec"/> settings; each trial's estimators are built with an
/// <see cref="MLContext"/> seeded by the trial's seed (<see cref="TrialSeeds"/>), so a trial is reproducible alone;
/// there is no cross-validation dataset overload.
/// </summary>
public sealed partial class AutoMLExperiment
{
    private readonly MLContext _context;
    private SweepablePipeline? _pipeline;
    private IDataView? _train;
    private IDataView? _validation;
    private BinaryClassificationMetric? _metric;
    private string _labelColumn = "Label";
    private string _probabilityColumn = "Probability";
    private TimeSpan? _time;
    private int? _maxTrials;
    private TunerSpec _tuner = new("smac");
    private int _seed;
    private IMonitor? _monitor;
    private string? _studyPath;
    private string _name = "automl";

    internal AutoMLExperiment(MLContext context) => _context = context;

    /// <summary>The pipeline to sweep.</summary>
    public AutoMLExperiment SetPipeline(SweepablePipeline pipeline)
    {
        _pipeline = pipeline ?? throw new ArgumentNullException(nameof(pipeline), "SetPipeline: the pipeline is null.");
        return this;
    }

    /// <summary>A single sweepable estimator as the pipeline.</summary>
    public AutoMLExperiment SetPipeline(SweepableEstimator estimator) =>
        SetPipeline(new SweepablePipeline([estimator ?? throw new ArgumentNullException(nameof(estimator), "SetPipeline: the estimator is null.")]));

    /// <summary>Fits every trial on <paramref name="train"/> and scores the metric on <paramref name="validation"/> (the tuner sees nothing else).</summary>
    public AutoMLExperiment SetDataset(IDataView train, IDataView validation)
    {
        _train = train ?? throw new ArgumentNullException(nameof(train), "SetDataset: the training data is null.");
        _validation = validation ?? throw new ArgumentNullException(nameof(validation), "SetDataset: the validation data is null.");
        return this;
    }

    /// <summary>The train/test split of <see cref="DataOperationsCatalog.TrainTestSplit"/>; the test set is the validation data.</summary>
    public AutoMLExperiment SetDataset(DataOperationsCatalog.TrainTestData data) => SetDataset(data.TrainSet, data.TestSet);

    /// <summary>
    /// The metric and the columns it reads: a Boolean label and the predicted probability (ML.NET names the second
    /// <c>predictedColumn</c> and defaults it to the predicted label; our metrics need the probability).
    /// </summary>
    public AutoMLExperiment SetBinaryClassificationMetric(BinaryClassificationMetric metric, string labelColumn = "Label", string predictedColumn = "Probability")
    {
        _ = metric.ToObjective();
        _metric = metric;
        _labelColumn = NonEmpty(labelColumn, "SetBinaryClassificationMetric: labelColumn");
        _probabilityColumn = NonEmpty(predictedColumn, "SetBinaryClassificationMetric: predictedColumn");
        return this;
    }

    /// <summary>Wall-clock budget of the run; at the deadline the running trial is stopped and recorded Pruned.</summary>
    public AutoMLExperiment SetTrainingTimeInSeconds(uint trainingTimeInSeconds)
    {
        _time = trainingTimeInSeconds > 0
            ? TimeSpan.FromSeconds(trainingTimeInSeconds)
            : throw new ArgumentOutOfRangeException(nameof(trainingTimeInSeconds), "SetTrainingTimeInSeconds: the time must be at least 1 second.");
        return this;
    }

    /// <summary>Most trials in the study (complete, failed and pruned ones all count).</summary>
    public AutoMLExperiment SetMaxModelToExplore(int maxModel)
    {
        _maxTrials = maxModel > 0
            ? maxModel
            : throw new ArgumentOutOfRangeException(nameof(maxModel), $"SetMaxModelToExplore: the count must be positive, got {maxModel}.");
        return this;
    }

    /// <summary>
    /// The study seed: the tuner's and, through <see cref="TrialSeeds"/>, every trial's (default 0; ML.NET's experiment
    /// takes the context's seed instead).
    /// </summary>
    public AutoMLExperiment SetSeed(int seed)
    {
        _seed = seed;
        return this;
    }

    /// <summary>Random search (<see cref="RandomTuner"/>); <paramref name="seed"/>, when given, replaces the study seed.</summary>
    public AutoMLExperiment SetRandomSearchTuner(int? seed = null)
    {
        _seed = seed ?? _seed;
        return SetTuner(new TunerSpec("random"));
    }

    /// <summary>Grid search (<see cref="GridTuner"/>) with <paramref name="step"/> points per numeric parameter.</summary>
    public AutoMLExperiment SetGridSearchTuner(int step = 10) => step >= 1
        ? SetTuner(new TunerSpec("grid", GridResolution: step))
        : throw new ArgumentOutOfRangeException(nameof(step), $"SetGridSearchTuner: step must be at least 1, got {step}.");

    /// <summary>SMAC (<see cref="SmacTuner"/>: random-forest surrogate and expected improvement) with <paramref name="options"/> or the defaults.</summary>
    public AutoMLExperiment SetSmacTuner(SmacOptions? options = null) => SetTuner(new TunerSpec("smac", Smac: options));

    /// <summary>Any of our tuners by its settings (ML.NET's <c>SetTuner&lt;TTuner&gt;</c> takes a tuner type instead).</summary>
    public AutoMLExperiment SetTuner(TunerSpec tuner)
    {
        _tuner = tuner ?? throw new ArgumentNullException(nameof(tuner), "SetTuner: the tuner is null.");
        return this;
    }

    /// <summary>Receives the trial events.</summary>
    public AutoMLExperiment SetMonitor<TMonitor>(TMonitor monitor) where TMonitor : class, IMonitor
    {
        _monitor = monitor ?? throw new ArgumentNullException(nameof(monitor), "SetMonitor: the monitor is null.");
        return this;
    }

    /// <summary>
    /// Records the trials in a new SQLite study at <paramref name="databasePath"/> (its name is the file name; the
    /// artefacts go to the folder beside it) instead of memory; refused when the file exists. Not in ML.NET.
    /// </summary>
    public AutoMLExperiment SetStudyPath(string databasePath)
    {
        _studyPath = NonEmpty(databasePath, "SetStudyPath: databasePath");
        _name = Path.GetFileNameWithoutExtension(databasePath);
        return this;
    }

    /// <summary>The experiment this configuration runs (what the study stores as YAML).</summary>
    public ExperimentDefinition ToExperimentDefinition()
    {
        var pipeline = _pipeline ?? throw new InvalidOperationException("SetPipeline: no pipeline was set; call SetPipeline before running.");
        var metric = _metric ?? throw new InvalidOperationException("SetBinaryClassificationMetric: no metric was set; call it before running.");
        if (_time is null && _maxTrials is null && _tuner.Kind != "grid")
        {
            throw new InvalidOperationException("SetTrainingTimeInSeconds / SetMaxModelToExplore: set at least one; only a grid search ends by itself.");
        }

        return new ExperimentDefinition
        {
            Name = _name,
            Seed = _seed,
            Data = new ExperimentData("in-memory", SelectionStrategy.InternalValidation, [], ImmutableSortedDictionary<string, string>.Empty),
            Objective = metric.ToObjective(),
            Tuner = _tuner,
            Budget = new SweepBudget(_maxTrials, _time, null),
            Space = new SearchSpace(pipeline.SearchSpace.Parameters.Prepend(new CategoricalParameter(ExperimentDefinition.TrialKindParameter, [PipelineTrialFactory.Kind]))),
        };
    }

    /// <summary>
    /// Runs the sweep and returns the best completed trial. Throws when the configuration is incomplete, when the
    /// label column is missing or not Boolean, and when no trial completed (naming the first trial's error, or the
    /// time budget); cancelling <paramref name="ct"/> stops the run with <see cref="OperationCanceledException"/>.
    /// </summary>
    public async Task<TrialResult> RunAsync(CancellationToken ct = default)
    {
        var experiment = ToExperimentDefinition();
        var train = _train ?? throw new InvalidOperationException("SetDataset: no data was set; call SetDataset(train, validation) before running.");
        RequireBooleanColumn(train, "training");
        RequireBooleanColumn(_validation!, "validation");
        var factory = new PipelineTrialFactory(_pipeline!, train, _validation!, _labelColumn, _probabilityColumn);
        var registry = new TrialFactoryRegistry().Register(factory);
        var progress = new MonitorProgress(factory, experiment.Objective, _monitor);
        if (_studyPath is not null)
        {
            await Sweeps.RunAsync(experiment, new StudyLocation(_studyPath), registry, progress, cancellationToken: ct).ConfigureAwait(false);
        }
        else
        {
            var artefacts = Directory.CreateTempSubdirectory("olnm-automl-");
            try
            {
                using var store = new InMemoryStudyStore(new StudyInfo(experiment.Name, ExperimentYaml.Write(experiment), DateTimeOffset.UtcNow));
                await new SweepRunner(experiment, store, registry, artefacts.FullName, progress).RunAsync(ct).ConfigureAwait(false);
            }
            finally
            {
                artefacts.Delete(recursive: true);
            }
        }

        return progress.Best ?? throw (progress.FirstError is { } error
            ? new InvalidOperationException($"No trial completed; the first failed with: {ExceptionTypePrefix().Replace(error.Split('\n')[0].Trim(), "")}")
            : new TimeoutException("SetTrainingTimeInSeconds: the time ran out before any trial completed."));
    }

    private void RequireBooleanColumn(IDataView data, string which)
    {
        var column = data.Schema.GetColumnOrNull(_labelColumn);
        if (column?.Type != BooleanDataViewType.Instance)
        {
            throw new ArgumentException(column is null
                ? $"SetBinaryClassificationMetric: label column '{_labelColumn}' is not in the {which} data (columns: {string.Join(", ", data.Schema.Select(c => c.Name))})."
                : $"SetBinaryClassificationMetric: label column '{_labelColumn}' of the {which} data is {column.Value.Type}, not Boolean.");
        }
    }

    /// <summary>The "System.ArgumentException: " a stored error text starts with.</summary>
    [GeneratedRegex(@"^[\w.`]+Exception: ")]
    private static partial Regex ExceptionTypePrefix();

    private static string NonEmpty(string value, string what) =>
        string.IsNullOrWhiteSpace(value) ? throw new ArgumentException($"{what} is empty.") : value;
}
