using System.Globalization;
using Microsoft.ML;
using OlnmMl.AutoML;
using OlnmMl.AutoML.Experiments;
using OlnmMl.AutoML.Leaderboard;
using OlnmMl.AutoML.Runner;
using OlnmMl.AutoML.Store;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Cohorts.Validation;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Reporting.Tables;
using OlnmMl.Workflows.Reports;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;

namespace OlnmMl.Workflows.Jobs;

/// <summary>
/// The main job (<c>olnm run</c>): generate or reuse the synthetic cohort, extract radiomics, run the
/// experiment's sweep (radiomics SVM, deep-only and the fusion modes), write the leaderboard and the
/// report, and export the best model as ONNX with a parity check in ONNX Runtime. Every stage is
/// cached or resumable, so a second run reuses what the first wrote.
/// </summary>
public static class MainJob
{
    /// <summary>Runs the job.</summary>
    public static MainJobResult Run(MainJobOptions options, IJobProgress progress, CancellationToken cancellationToken = default)
    {
        var output = Path.GetFullPath(options.OutputDirectory);
        var experimentPath = options.ExperimentPath ?? EmbeddedDefaults.Materialise(EmbeddedDefaults.Experiment, Path.Combine(output, "inputs"));
        var prepared = Prepare(ExperimentYaml.Load(experimentPath), experimentPath, options, progress, cancellationToken);
        var (experiment, study, images, dataLabel) = (prepared.Experiment, prepared.Data, prepared.Images, prepared.DataLabel);
        var (manifestPath, tablePath) = (prepared.ManifestPath, prepared.RadiomicsTablePath);
        var runDirectory = Path.Combine(output, $"{experiment.Name}-{dataLabel}");
        var location = StudyOf(options, experiment.Name, dataLabel);
        KeepOnlyMatchingStudy(runDirectory, location, prepared, progress);
        StudySnapshot.Write(prepared, location.ArtefactRoot);
        var trials = prepared.Trials(options.TorchThreads);
        var targets = StudyTargets.Of(experiment, prepared.ExperimentPath);
        // The stage blocks on the sweep so a terminal progress bar lives as long as the sweep does.
        var inputs = RecordedInputs.Of(prepared, options);
        var summary = progress.Stage("sweep", report => (File.Exists(location.DatabasePath)
            ? Sweeps.ResumeAsync(location.DatabasePath, trials.Registry(), new SweepProgressAdapter(report), inputs: inputs, cancellationToken: cancellationToken)
            : Sweeps.RunAsync(experiment, location, trials.Registry(), new SweepProgressAdapter(report), inputs, cancellationToken)).GetAwaiter().GetResult());
        progress.Info($"sweep: {summary}");

        using var store = SqliteStudyStore.Open(location.DatabasePath);
        var results = targets.Select(target =>
        {
            var directory = StudyTargets.Directory(runDirectory, target, targets.Count);
            var (csv, markdown, models) = Leaderboard(prepared, store, location.ArtefactRoot, location.DatabasePath, trials, target, directory);
            var reportPath = progress.Stage(targets.Count == 1 ? "report" : $"report {target}", report =>
            {
                report(0, 1, "rendering figures");
                var path = WriteReport(prepared, trials, target, models, csv, location.ArtefactRoot, Path.Combine(directory, "report"));
                report(1, 1, "written");
                return path;
            });

            var best = models[0];
            var onnx = progress.Stage(targets.Count == 1 ? "onnx" : $"onnx {target}", report =>
            {
                report(0, 1, $"exporting {best.Predictions.Model}");
                var exported = BestModelExport.Export(best, trials, study, location.ArtefactRoot, Path.Combine(directory, "model.onnx"), experiment.Data);
                report(1, 1, "parity checked");
                return exported;
            });
            return (Result: new TargetResult(target, csv, markdown, reportPath, onnx.Path, best.Predictions.Model, onnx.MaxDifference), Selected: best.Predictions);
        }).ToArray();
        var riskGroups = RiskGroupReport.Build(
            $"OLNM study: {experiment.Name} on {dataLabel}, risk groups",
            results.Select(r => (r.Result.Target, r.Selected)).ToArray(),
            study.Cases.ToDictionary(c => c.Case.Id, c => c.Case))?.Write(Path.Combine(runDirectory, "risk-groups"));
        return new MainJobResult(manifestPath, tablePath, location.DatabasePath, [.. results.Select(r => r.Result)], riskGroups);
    }

    /// <summary>
    /// Makes an experiment's data ready: generates (or reuses) a synthetic cohort for a <c>synthetic:NAME</c>
    /// source, extracts radiomics (resumable, cached), joins them with the manifest and fills the crop cache.
    /// </summary>
    public static PreparedStudy Prepare(
        ExperimentDefinition experiment, string experimentPath, MainJobOptions options, IJobProgress progress, CancellationToken cancellationToken = default)
    {
        ExperimentValidation.Validate(experiment, experimentPath);
        var settingsPath = options.RadiomicsSettingsPath
            ?? EmbeddedDefaults.Materialise(EmbeddedDefaults.RadiomicsSettings, Path.Combine(Path.GetFullPath(options.OutputDirectory), "inputs"));
        var (manifestPath, dataLabel) = ResolveData(experiment, options, progress, cancellationToken);
        var dataDirectory = Path.GetDirectoryName(manifestPath)!;
        var manifest = ManifestReader.Read(manifestPath);
        if (SyntheticPreset(experiment, options) is null)
        {
            // A user's manifest is checked whole before any extraction: missing modalities, images not covering the tumour,
            // one-class targets in training, negative SUVs (synthetic cohorts are checked by their generator's tests).
            var problems = progress.Stage("check", report => ManifestValidator.Validate(manifest, manifestPath, cancellationToken: cancellationToken));
            if (problems.Count > 0)
            {
                throw new OlnmUserException(
                    problems.Count == 1 ? problems[0].Message : $"{problems[0].Message} (and {problems.Count - 1} more problem(s): 'olnm cohort check {manifestPath}' lists them all)");
            }
        }

        var recipes = RadiomicsImages.Recipes(experiment.Data, experimentPath, settingsPath, Path.Combine(Path.GetFullPath(options.OutputDirectory), "inputs"));
        var tables = recipes.Select(recipe =>
        {
            var table = RadiomicsImages.TablePath(dataDirectory, manifestPath, recipe.Key, recipe.SettingsPath);
            var cases = RadiomicsImages.Cases(manifest, recipe.Key, manifestPath);
            // Two experiments sharing one data folder take turns on a table (the second waits, then reuses the rows).
            var extraction = progress.Stage(recipes.Count == 1 ? "radiomics" : $"radiomics {recipe.Key}", report => RadiomicsCommands.Batch(
                cases, recipe.SettingsPath, table, Path.Combine(dataDirectory, "radiomics-cache"), null, TimeSpan.FromHours(12),
                new SyncProgress<BatchProgress>(p => report(p.Done, p.Total, p.CaseId)), cancellationToken));
            if (extraction.Failures.Count > 0)
            {
                var first = extraction.Failures[0];
                throw new OlnmUserException(
                    $"{recipe.Key} radiomics failed for {extraction.Failures.Count} of {cases.Count} case(s), e.g. case '{first.Id}': {first.File}: {first.Problem} (all listed in {BatchFailure.ListPath(table)})");
            }

            return (recipe.Key, table);
        }).ToArray();
        var tablePath = RadiomicsImages.Join(tables);

        var study = StudyData.Load(manifestPath, tablePath);
        progress.Info($"{study.Cases.Count} cases, {study.RadiomicsNames.Count} radiomics features kept ({study.DroppedFeatures.Count} non-finite or constant on training dropped; {study.ImputedValues} non-finite values in other cohorts set to the training median)");
        var images = new StudyImages(Path.Combine(dataDirectory, "crops"), ImageRecipeOptions.Of(experiment.Data, experimentPath));
        if (PreparedStudy.Reads(experiment, TrialInput.Crops))
        {
            progress.Stage("crops", report =>
            {
                images.Warm(study, (done, total) => report(done, total, "cached"), cancellationToken);
                return 0;
            });
        }

        var bags = new StudyBags(Path.Combine(dataDirectory, "bags"), SliceBagRecipeOptions.Of(experiment.Data, experimentPath));
        if (PreparedStudy.Reads(experiment, TrialInput.Bags))
        {
            progress.Stage("bags", report =>
            {
                bags.Warm(study.Cases, (done, total) => report(done, total, "cached"), cancellationToken);
                return 0;
            });
        }

        var cohortSeed = SyntheticPreset(experiment, options) is null ? (ulong?)null : options.CohortSeed;
        return new PreparedStudy(experiment, experimentPath, settingsPath, manifestPath, dataLabel, tablePath, study, images, bags, cohortSeed);
    }

    /// <summary>
    /// Writes the study report of each target (best model of each family) into <paramref name="directory"/> (a subfolder
    /// per target when there are several) from the study in <paramref name="store"/> (any store; <paramref name="where"/> names
    /// it in messages) and its trials' artefacts under <paramref name="artefactRoot"/>; returns the HTML paths.
    /// </summary>
    public static IReadOnlyList<string> WriteReports(PreparedStudy prepared, IStudyStore store, string artefactRoot, string where, string directory)
    {
        ArgumentNullException.ThrowIfNull(prepared);
        var trials = prepared.Trials();
        var targets = StudyTargets.Of(prepared.Experiment, prepared.ExperimentPath);
        return targets.Select(target =>
        {
            var folder = StudyTargets.Directory(directory, target, targets.Count);
            var (csv, _, models) = Leaderboard(prepared, store, artefactRoot, where, trials, target, folder);
            return WriteReport(prepared, trials, target, models, csv, artefactRoot, folder);
        }).ToArray();
    }

    /// <summary>The leaderboard of <paramref name="target"/>'s trials, written into <paramref name="directory"/>, and the best model of each family.</summary>
    private static (string Csv, string Markdown, IReadOnlyList<ReportedModel> Models) Leaderboard(
        PreparedStudy prepared, IStudyStore store, string artefactRoot, string where, StudyTrials trials, string target, string directory)
    {
        var (table, predicting) = StudyTargets.Leaderboard(store, artefactRoot, prepared.Experiment, target, prepared.ManifestPath);
        var (csv, markdown) = LeaderboardWriter.WriteFiles(table, directory);
        return (csv, markdown, BestPerModel(predicting, trials, artefactRoot, where, prepared.Experiment.Objective, target));
    }

    /// <summary>
    /// The report of one target's models; the clinical model, when one was run, is the reclassification reference. With the
    /// data option <c>combined: FAMILY</c> (e.g. <c>dlrad</c>), the combined signature of that family's best trial and the
    /// clinical variables (<see cref="CombinedSignature"/>) leads the tables, is compared with every model, and has its
    /// OR table and nomogram. The tabular models' selected features come from their saved models under <paramref name="artefactRoot"/>.
    /// </summary>
    private static string WriteReport(
        PreparedStudy prepared, StudyTrials trials, string target, IReadOnlyList<ReportedModel> models, string leaderboardCsv, string artefactRoot, string directory)
    {
        var outcome = target == Targets.Default ? "pN+" : target.ToUpperInvariant();
        var predictions = models.Select(m => m.Predictions).ToList();
        var signatures = new List<ClinicalSignatureSection>();
        if (prepared.Experiment.Data.Options.TryGetValue(CombinedOption, out var family))
        {
            var signature = predictions.FirstOrDefault(p => p.Model == family) ?? throw new OlnmUserException(
                $"{prepared.ExperimentPath}: data.options.{CombinedOption} '{family}' names no model family with a complete trial for target '{target}' (families: {string.Join(", ", predictions.Select(p => p.Model))})");
            var combined = CombinedSignature.Fit(new MLContext(prepared.Experiment.Seed), prepared.Data, signature, target);
            predictions.Insert(0, combined.Predictions);
            signatures.Add(ClinicalSignatureSection.Build(combined.Model, combined.Training, combined.Predictions, outcome, $"Combined signature: {family} score and clinical variables (Firth-penalised logistic regression)"));
        }

        return StudyReportBuilder.Build(
            $"OLNM study: {prepared.Experiment.Name} on {prepared.DataLabel}",
            predictions,
            ClinicalRecords(prepared.Data, target),
            LeaderboardTableOf(leaderboardCsv),
            LeaderboardStatement(prepared.Experiment),
            StudyProvenance.Of(prepared),
            models.FirstOrDefault(m => trials.Of(m.Trial.Parameters) is ClinicalTrial)?.Predictions.Model,
            Path.GetRelativePath(directory, leaderboardCsv),
            outcome,
            signatures,
            signatures.Count > 0 ? "the combined signature" : "the selected model",
            prepared.CohortSeed is null ? null : prepared.DataLabel,
            ChosenPairs.Of(predictions),
            ReportedFeatures.Of(models, trials, artefactRoot))
            .Write(directory);
    }

    /// <summary>
    /// Where the job keeps the study of <paramref name="experimentName"/> on data <paramref name="dataLabel"/>: the study
    /// named <c>EXPERIMENT-DATA</c> in <see cref="MainJobOptions.StudiesDirectory"/>, so the sweep commands and
    /// <c>olnm report</c> find it by that name.
    /// </summary>
    public static StudyLocation StudyOf(MainJobOptions options, string experimentName, string dataLabel)
    {
        ArgumentNullException.ThrowIfNull(options);
        return StudyLocation.ForName($"{experimentName}-{dataLabel}", Path.GetFullPath(options.StudiesDirectory ?? Path.Combine(options.OutputDirectory, StudyLocation.DefaultDirectory)));
    }

    /// <summary>The data option naming the model family whose score the combined signature stacks with the clinical variables.</summary>
    public const string CombinedOption = "combined";

    /// <summary>
    /// A run folder and its study belong to one experiment file, one radiomics table (whose name carries the data's
    /// fingerprint) and one saved-model format. When any changed since they were written, the old folder and study are moved
    /// aside (kept, never deleted, with the suffix <c>.previous-TIME</c>) so the sweep starts afresh instead of resuming trials
    /// fitted on other data.
    /// </summary>
    private static void KeepOnlyMatchingStudy(string runDirectory, StudyLocation study, PreparedStudy prepared, IJobProgress progress)
    {
        var marker = Path.Combine(runDirectory, "inputs.txt");
        var inputs = $"{Path.GetFileName(prepared.RadiomicsTablePath)}\n{FeatureCache.FileHash(prepared.ExperimentPath)}\nfusion model format {Torch.Fusion.FusionModelInfo.CurrentFormatVersion}\n";
        if ((Directory.Exists(runDirectory) || File.Exists(study.DatabasePath)) && (!File.Exists(marker) || File.ReadAllText(marker) != inputs))
        {
            var suffix = $".previous-{DateTime.UtcNow:yyyyMMddHHmmss}";
            var moved = new[] { runDirectory, study.ArtefactRoot }.Where(Directory.Exists).ToList();
            moved.ForEach(folder => Directory.Move(folder, folder + suffix));
            var stem = Path.ChangeExtension(study.DatabasePath, null);
            foreach (var file in new[] { study.DatabasePath, study.DatabasePath + "-wal", study.DatabasePath + "-shm" }.Where(File.Exists))
            {
                File.Move(file, stem + suffix + file[stem.Length..]);
                moved.Add(file);
            }

            progress.Info($"the data or experiment changed since the last run; the previous results were moved aside with the suffix {suffix} ({string.Join(", ", moved)})");
        }

        Directory.CreateDirectory(runDirectory);
        DurableFile.WriteAllText(marker, inputs);
    }

    /// <summary>The statement printed with every report: which cohorts each decision of <paramref name="experiment"/>'s selection saw.</summary>
    public static string LeaderboardStatement(ExperimentDefinition experiment) =>
        $"Leakage-free selection. {SelectionStatement.DecisionsSaw(experiment.Data.Selection, experiment.Objective)} " +
        "The external test cohorts were scored for this leaderboard and never used to choose a model, a cut-off or a hyper-parameter.";

    private static (string ManifestPath, string Label) ResolveData(ExperimentDefinition experiment, MainJobOptions options, IJobProgress progress, CancellationToken cancellationToken)
    {
        if (SyntheticPreset(experiment, options) is not { } preset)
        {
            return (Path.GetFullPath(experiment.Data.Source), Path.GetFileNameWithoutExtension(experiment.Data.Source));
        }

        var label = $"{CohortPresetNames.Of(preset)}-seed{options.CohortSeed}";
        var result = progress.Stage("cohort", report => SyntheticCohortGenerator.Generate(
            new SyntheticCohortOptions { OutputDirectory = Path.Combine(options.DataDirectory, label), Preset = preset, Seed = options.CohortSeed },
            new SyncProgress<CohortProgress>(p => report(p.Completed, p.Total, p.CaseId)),
            cancellationToken));
        progress.Info($"cohort: {result.CaseCount} cases {(result.Reused ? "reused" : "generated")} in {result.OutputDirectory}");
        return (result.ManifestPath, label);
    }

    /// <summary>The synthetic cohort an experiment runs on (the option overrides the <c>synthetic:NAME</c> source), or null for a manifest source.</summary>
    public static CohortPreset? SyntheticPreset(ExperimentDefinition experiment, MainJobOptions options)
    {
        ArgumentNullException.ThrowIfNull(experiment);
        ArgumentNullException.ThrowIfNull(options);
        const string Synthetic = "synthetic:";
        return experiment.Data.Source.StartsWith(Synthetic, StringComparison.OrdinalIgnoreCase)
            ? options.Preset ?? ParsePreset(experiment.Data.Source[Synthetic.Length..])
            : null;
    }

    /// <summary>Parses a preset name (tiny, quick, paper, petct-tiny, petct-quick, petct-paper; <see cref="CohortPresetNames"/>).</summary>
    public static CohortPreset ParsePreset(string name) =>
        !CohortPresetNames.TryParse(name, out var preset)
            ? throw new ArgumentException($"Unknown synthetic cohort '{name}'; expected one of {CohortPresetNames.All}.")
            : preset == CohortPreset.Unlabeled
                ? throw new ArgumentException("Synthetic cohort 'unlabeled' has no labels; it is the input of olnm pretrain, not of a study.")
                : preset;

    /// <summary>The best trial of each model family by the selection objective, the overall best (the selected model) first.</summary>
    private static IReadOnlyList<ReportedModel> BestPerModel(
        IReadOnlyList<TrialRecord> trials, StudyTrials kinds, string artefactRoot, string where, ObjectiveMetric objective, string target)
    {
        var complete = trials.Where(t => t is { Status: TrialStatus.Complete, Objective: not null }).ToArray();
        if (complete.Length == 0)
        {
            throw new InvalidOperationException($"{where}: no trial for target '{target}' completed; see 'olnm sweep status' for the errors.");
        }

        return complete.GroupBy(t => kinds.Describe(t.Parameters))
            .Select(g => g.MinBy(t => SelectionObjective.ToLoss(objective, t.Objective!.Value))!)
            .OrderBy(t => SelectionObjective.ToLoss(objective, t.Objective!.Value))
            .Select(t => new ReportedModel(t, new ModelPredictions(kinds.Describe(t.Parameters), PredictionsFile.Read(Path.Combine(artefactRoot, t.Artefacts["predictions"])))))
            .ToArray();
    }

    private static List<ClinicalRecord> ClinicalRecords(StudyData study, string target) =>
        study.Cases.Where(c => c.Case.Clinical is { Age: not null, Sex: not null, MaxDiameterCm: not null, Density: not null, Location: not null })
            .Select(c => new ClinicalRecord(
                c.Cohort,
                c.Outcome(target),
                c.Case.Clinical.Age!.Value,
                c.Case.Clinical.Sex == Sex.Male,
                c.Case.Clinical.MaxDiameterCm!.Value,
                c.Case.Clinical.Density == Density.Solid,
                c.Case.Clinical.Location!.Value.ToString().ToLowerInvariant()))
            .ToList();

    private static Table LeaderboardTableOf(string csvPath)
    {
        using var reader = new StreamReader(csvPath);
        var records = CsvRecords.Read(reader).Select(r => r.Fields).ToList();
        return new Table("Leaderboard (every trial)", records[0], records.Skip(1).Select(r => (IReadOnlyList<string>)r).ToList());
    }
}
