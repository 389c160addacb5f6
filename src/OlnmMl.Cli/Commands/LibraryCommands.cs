using System.CommandLine;
using OlnmMl.Cli.Terminal;
using OlnmMl.Cohorts.Manifest;
using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Evaluation.Reports;
using OlnmMl.Evaluation.Survival;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Onnx.Export;
using OlnmMl.Onnx.Scoring;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.Settings;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Cli.Commands;

/// <summary>Commands that call one library entry point each: radiomics, stats, train, predict, export, cohort generate.</summary>
internal static class LibraryCommands
{
    public static Command CohortGenerate()
    {
        var preset = new Option<string>("--preset")
        {
            Description = "tiny (≈40 cases), quick (≈300) or paper (1,325); PET/CT: petct-tiny (60), petct-quick (400) or petct-paper (3,265); unlabeled (--count CTs and masks, no manifest or labels: the input of olnm pretrain).",
            DefaultValueFactory = _ => "quick",
        };
        var output = new Option<string>("--out") { Description = "Output folder.", Required = true };
        var seed = new Option<ulong>("--seed") { Description = "Seed (same seed → identical files).", DefaultValueFactory = _ => 42UL };
        var count = new Option<int>("--count") { Description = "Number of volumes of the unlabeled preset.", DefaultValueFactory = _ => 300 };
        var command = new Command("generate", "Generate a synthetic multi-centre cohort (NIfTI + manifest.csv + datalist.json, and truth.csv: the label model's probabilities, read by no pipeline, for the leaderboard's oracle); reuses or resumes a matching folder.") { preset, output, seed, count };
        CommandAction.Set(command, (parse, cancellation) =>
        {
            var name = parse.GetValue(preset)!;
            var options = new SyntheticCohortOptions { OutputDirectory = parse.GetValue(output)!, Seed = parse.GetValue(seed), Count = parse.GetValue(count) };
            if (CohortPresetNames.TryParse(name, out var unlabeled) && unlabeled == CohortPreset.Unlabeled)
            {
                var volumes = ProgressDisplay.Run("cohort", report => SyntheticCohortGenerator.GenerateUnlabeled(
                    options, new SyncProgress<CohortProgress>(p => report(p.Completed, p.Total, p.CaseId)), cancellation));
                Output.Line($"{volumes.VolumeCount} unlabeled volumes {(volumes.Reused ? "reused" : "written")}: {volumes.ImagesDirectory}");
                return Task.FromResult(0);
            }

            var result = ProgressDisplay.Run("cohort", report => SyntheticCohortGenerator.Generate(
                options with { Preset = MainJob.ParsePreset(name) },
                new SyncProgress<CohortProgress>(p => report(p.Completed, p.Total, p.CaseId)),
                cancellation));
            Output.Line($"{result.CaseCount} cases {(result.Reused ? "reused" : "written")}: {result.ManifestPath}");
            return Task.FromResult(0);
        });
        return command;
    }

    public static Command Radiomics()
    {
        var radiomics = new Command("radiomics", "IBSI radiomics extraction.");
        var image = new Option<string>("--image") { Required = true, Description = "Image (.nii, .nii.gz, .nrrd)." };
        var mask = new Option<string>("--mask") { Required = true, Description = "Mask (integer labels, 0 outside)." };
        var settings = new Option<string>("--settings") { Required = true, Description = "Recipe YAML (see pipelines/radiomics/) or PyRadiomics parameter file." };
        var output = new Option<string>("--out") { Required = true, Description = "features.csv: name,ibsi_feature,ibsi_aggregation,value (written atomically)." };
        var (label, maxVoxels, names) = (LabelOption(), MaxVoxelsOption(), NamesOption());
        var extract = new Command("extract", "Extract one case's features.") { image, mask, settings, output, label, maxVoxels, names };
        CommandAction.Set(extract, parse =>
        {
            PrintSettingsNotes(parse.GetValue(settings)!);
            var features = RadiomicsCommands.Extract(parse.GetValue(image)!, parse.GetValue(mask)!, parse.GetValue(settings)!, parse.GetValue(output)!, Options(parse, label, maxVoxels), Naming(parse, names));
            foreach (var warning in features.Warnings)
            {
                Output.Warning(warning);
            }

            Output.Line($"{features.Features.Count} features → {parse.GetValue(output)}");
            return 0;
        });
        var manifest = new Option<string>("--manifest") { Required = true, Description = "Manifest (.csv or MONAI datalist .json; see olnm cohort check)." };
        var batchSettings = new Option<string>("--settings") { Required = true, Description = "Recipe YAML or PyRadiomics parameter file." };
        var table = new Option<string>("--out") { Required = true, Description = "Wide table, one row per case (resumable; failures in <out>.failures.csv)." };
        var cache = new Option<string?>("--cache") { Description = "Feature cache folder (image hash, mask hash, recipe)." };
        var wait = new Option<double>("--wait") { Description = "Seconds to wait for another batch writing the same --out (default: refuse at once)." };
        var shard = new Option<string?>("--shard")
        {
            Description = "i/n: extract only shard i of n (cases sorted by id, dealt round-robin) into <out-name>.shard-i-of-n<ext>; combine the n shards with olnm radiomics merge.",
        };
        var (batchLabel, batchMaxVoxels, batchNames) = (LabelOption(), MaxVoxelsOption(), NamesOption());
        var batch = new Command("batch", "Extract every case of a manifest (or one --shard of it) in parallel; a rerun resumes after a kill.")
        {
            manifest, batchSettings, table, shard, cache, batchLabel, batchMaxVoxels, batchNames, wait,
        };
        CommandAction.Set(batch, (parse, cancellation) =>
        {
            PrintSettingsNotes(parse.GetValue(batchSettings)!);
            var cases = ManifestReader.Read(parse.GetValue(manifest)!).Select(c => new RadiomicsCase(c.Id, c.ImagePath, c.MaskPath)).ToList();
            var part = parse.GetValue(shard) is { } text ? BatchShard.Parse(text) : (BatchShard?)null;
            var written = BatchShard.TableFor(part, parse.GetValue(table)!);
            var summary = ProgressDisplay.Run("radiomics", report => RadiomicsCommands.Batch(
                cases, parse.GetValue(batchSettings)!, parse.GetValue(table)!, parse.GetValue(cache), Options(parse, batchLabel, batchMaxVoxels),
                TimeSpan.FromSeconds(Math.Max(0, parse.GetValue(wait))),
                new SyncProgress<BatchProgress>(p => report(p.Done, p.Total, p.CaseId)), cancellation, part, Naming(parse, batchNames)));
            foreach (var (id, warnings) in summary.Warnings.OrderBy(p => p.Key, StringComparer.Ordinal))
            {
                foreach (var warning in warnings)
                {
                    Output.Warning($"case {id}: {warning}");
                }
            }

            foreach (var failure in summary.Failures)
            {
                Output.Error($"case {failure.Id}: {failure.File}: {failure.Problem}");
            }

            var dropped = summary.Dropped > 0 ? $", {summary.Dropped} damaged or stale row(s) dropped" : string.Empty;
            Output.Line($"{summary.Extracted} extracted, {summary.Skipped} already done{dropped} → {written}");
            if (summary.Failures.Count > 0)
            {
                Output.Line($"{summary.Failures.Count} of {summary.Extracted + summary.Skipped + summary.Failures.Count} case(s) failed, listed in {BatchFailure.ListPath(written)}");
            }

            return Task.FromResult(summary.Failures.Count == 0 ? 0 : 1);
        });
        radiomics.Subcommands.Add(extract);
        radiomics.Subcommands.Add(batch);
        radiomics.Subcommands.Add(Merge());
        radiomics.Subcommands.Add(SettingsImport());
        return radiomics;
    }

    private static Command SettingsImport()
    {
        var parameters = new Argument<string>("params") { Description = "PyRadiomics parameter file (imageType, featureClass, setting)." };
        var output = new Option<string>("--out") { Required = true, Description = "Recipe YAML to write (atomically)." };
        var import = new Command("import", "Convert a PyRadiomics parameter file into a recipe; prints one line per item without an exact equivalent.") { parameters, output };
        CommandAction.Set(import, parse =>
        {
            var result = RadiomicsCommands.ImportSettings(parse.GetValue(parameters)!, parse.GetValue(output)!);
            foreach (var note in result.Notes)
            {
                Output.Line(note);
            }

            Output.Line($"recipe '{result.Settings.Name}' → {parse.GetValue(output)}");
            return 0;
        });
        return new Command("settings", "Recipes from other tools.") { import };
    }

    private static Command Merge()
    {
        var manifest = new Option<string>("--manifest") { Required = true, Description = "The manifest the shards were extracted from." };
        var output = new Option<string>("--out") { Required = true, Description = "Merged table: the --out the shards were given (written atomically, rows in manifest order, with its .keys file)." };
        var shards = new Option<int>("--shards") { Required = true, Description = "n, the number of shards (--shard i/n) the batch was split into." };
        var merge = new Command("merge", "Combine the tables of olnm radiomics batch --shard i/n into one; refuses unless every manifest case is in exactly one shard and all shards share feature columns and settings.")
        {
            manifest, output, shards,
        };
        CommandAction.Set(merge, parse =>
        {
            var ids = ManifestReader.Read(parse.GetValue(manifest)!).Select(c => c.Id).ToList();
            var summary = RadiomicsCommands.Merge(ids, parse.GetValue(output)!, parse.GetValue(shards));
            Output.Line($"{summary.Rows} rows from {summary.Shards.Count} shard(s) → {parse.GetValue(output)}");
            return 0;
        });
        return merge;
    }

    private static Option<int?> LabelOption() =>
        new("--label") { Description = "Mask value that is the ROI (default: the mask's only non-zero value; required for a multi-label mask)." };

    private static Option<long> MaxVoxelsOption() =>
        new("--max-roi-voxels") { Description = "Largest resampled ROI grid per case, in voxels.", DefaultValueFactory = _ => ExtractionOptions.DefaultMaxRoiVoxels };

    private static void PrintSettingsNotes(string settingsPath)
    {
        foreach (var note in RadiomicsCommands.SettingsNotes(settingsPath))
        {
            Output.Warning($"{settingsPath}: {note}");
        }
    }

    private static Option<string?> NamesOption() =>
        new Option<string?>("--names") { Description = "Feature names: ibsi or pyradiomics (default: the recipe's names, else ibsi)." }.AcceptOnlyFromAmong("ibsi", "pyradiomics");

    private static FeatureNaming? Naming(ParseResult parse, Option<string?> names) => parse.GetValue(names) switch
    {
        "ibsi" => FeatureNaming.Ibsi,
        "pyradiomics" => FeatureNaming.PyRadiomics,
        _ => null,
    };

    private static ExtractionOptions Options(ParseResult parse, Option<int?> label, Option<long> maxVoxels) =>
        new(parse.GetValue(label), parse.GetValue(maxVoxels));

    public static Command Stats()
    {
        var data = new Option<string>("--data") { Required = true, Description = "CSV of per-case scores." };
        var label = new Option<string>("--label") { Required = true, Description = "Label column (1/0 or true/false)." };
        var score = new Option<string>("--score") { Required = true, Description = "Score column (higher = positive)." };
        var compare = new Option<string?>("--compare") { Description = "Second score column for a paired DeLong test." };
        var cohort = new Option<string?>("--cohort-column") { Description = "Cohort column: statistics per cohort." };
        var training = new Option<string?>("--training-cohort") { Description = "Cohort whose Youden cut-off is carried to the others." };
        var output = new Option<string>("--out") { Required = true, Description = "stats.json." };
        var roc = new Command("roc", "AUC with DeLong 95% CI, Youden cut-off, sensitivity/specificity; paired DeLong z and p with --compare.")
        {
            data, label, score, compare, cohort, training, output,
        };
        CommandAction.Set(roc, parse =>
        {
            var report = RocStats.Run(parse.GetValue(data)!, new RocStatsRequest(parse.GetValue(label)!, parse.GetValue(score)!, parse.GetValue(compare), parse.GetValue(cohort), parse.GetValue(training)), parse.GetValue(output)!);
            var undefined = RocStatsSummary.Print(report);
            Output.Line($"wrote {parse.GetValue(output)}");
            return undefined == 0 ? 0 : 1;
        });
        var stats = new Command("stats", "Cross-cohort statistics.");
        stats.Subcommands.Add(roc);
        stats.Subcommands.Add(Survival());
        return stats;
    }

    private static Command Survival()
    {
        var data = new Option<string>("--data") { Required = true, Description = "CSV with one row per case." };
        var time = new Option<string>("--time") { Required = true, Description = "Follow-up time column (≥ 0)." };
        var events = new Option<string>("--event") { Required = true, Description = "Event column: 1 = event, 0 = censored." };
        var group = new Option<string?>("--group") { Description = "Group column: a Kaplan–Meier curve per group and the log-rank test." };
        var covariates = new Option<string?>("--covariates") { Description = "Comma-separated covariate columns of a Cox model." };
        var ties = new Option<CoxTies>("--ties") { Description = "Cox tie handling: Efron (R's default) or Breslow.", DefaultValueFactory = _ => CoxTies.Efron };
        var output = new Option<string>("--out") { Required = true, Description = "survival.json (written atomically)." };
        var survival = new Command("survival", "Kaplan–Meier medians with 95% CI, log-rank test across --group, Cox hazard ratios of --covariates (as R's survival package).")
        {
            data, time, events, group, covariates, ties, output,
        };
        CommandAction.Set(survival, parse =>
        {
            string[] names = parse.GetValue(covariates)?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries) ?? [];
            var request = new SurvivalStatsRequest(parse.GetValue(time)!, parse.GetValue(events)!, parse.GetValue(group), names, parse.GetValue(ties));
            var report = SurvivalStats.Run(parse.GetValue(data)!, request, parse.GetValue(output)!);
            SurvivalStatsSummary.Print(report);
            Output.Line($"wrote {parse.GetValue(output)}");
            return 0;
        });
        return survival;
    }

    public static Command Train()
    {
        var pipeline = new Option<string>("--pipeline") { Required = true, Description = "Tabular pipeline YAML (e.g. pipelines/radiomics-svm.yaml)." };
        var train = new Option<string>("--train") { Required = true, Description = "Training feature table CSV (id, label, features; e.g. PyRadiomics batch output)." };
        var label = new Option<string>("--label") { Required = true, Description = "Label column." };
        var columns = new FeatureColumnOptions();
        var output = new Option<string>("--out") { Required = true, Description = "Model folder." };
        var command = new Command("train", "Fit a tabular pipeline on a feature table (numeric columns; NaN → training median) and save the model folder.") { pipeline, train, label, output };
        columns.AddTo(command, selection: true);
        CommandAction.Set(command, parse =>
        {
            var options = columns.Read(parse, parse.GetValue(label)!, "id");
            var model = TabularTraining.Train(parse.GetValue(pipeline)!, parse.GetValue(train)!, parse.GetValue(output)!, options, FeatureColumnOptions.Note);
            Output.Line($"{model.Manifest.Pipeline}: {model.Manifest.Features.Count} input features → {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    public static Command Predict()
    {
        var model = new Option<string>("--model") { Required = true, Description = "A model folder (olnm train) or an .onnx file (olnm export)." };
        var data = new Option<string>("--data") { Required = true, Description = "Feature table CSV." };
        var output = new Option<string>("--out") { Required = true, Description = "scores.csv: id, label and cohort when present, score, probability (and predicted_label from a model folder)." };
        var columns = new FeatureColumnOptions();
        var command = new Command("predict", "Score a feature table with a trained model (in process) or an exported ONNX model (ONNX Runtime).") { model, data, output };
        columns.AddTo(command, selection: false);
        CommandAction.Set(command, parse =>
        {
            var path = parse.GetValue(model)!;
            var rows = path.EndsWith(".onnx", StringComparison.OrdinalIgnoreCase)
                ? OnnxPrediction.PredictCsv(path, parse.GetValue(data)!, parse.GetValue(output)!, columns.Read(parse, null, ""), FeatureColumnOptions.Note)
                : TabularPrediction.Predict(path, parse.GetValue(data)!, parse.GetValue(output)!, columns.Read(parse, null, ""), FeatureColumnOptions.Note);
            Output.Line($"{rows} cases scored → {parse.GetValue(output)}");
            return 0;
        });
        return command;
    }

    public static Command Export()
    {
        var model = new Option<string>("--model") { Required = true, Description = "Model folder (olnm train, or a sweep trial's model/)." };
        var output = new Option<string>("--out") { Required = true, Description = "model.onnx." };
        var command = new Command("export", "Export a trained pipeline as one ONNX graph (input radiomics [N,k], output probability [N]).") { model, output };
        CommandAction.Set(command, parse =>
        {
            var bytes = OnnxModelExport.ExportModelDirectory(parse.GetValue(model)!, parse.GetValue(output)!);
            Output.Line($"wrote {parse.GetValue(output)} ({bytes:N0} bytes)");
            return 0;
        });
        return command;
    }
}
