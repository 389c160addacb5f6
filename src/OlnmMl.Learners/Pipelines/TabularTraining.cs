using System.Security.Cryptography;
using Microsoft.ML;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Entry point of <c>olnm train --pipeline P --train T.csv --label y --out model/</c>: reads the pipeline YAML and
/// the training feature table (features chosen by <see cref="FeatureTableOptions"/>), fits the pipeline on it and
/// writes the model directory.
/// </summary>
public static class TabularTraining
{
    /// <summary>Trains and saves with the default column choice (<see cref="FeatureTableOptions"/>); returns the fitted model.</summary>
    /// <param name="pipelinePath">Pipeline YAML (see <see cref="TabularPipelineYaml"/>).</param>
    /// <param name="trainCsv">Training feature table.</param>
    /// <param name="labelColumn">Outcome column (0/1 or true/false).</param>
    /// <param name="outputDirectory">Model directory to write.</param>
    /// <param name="idColumn">Case id column.</param>
    /// <exception cref="FeatureTableException">On an unusable table (missing columns, no numeric feature, one class only).</exception>
    /// <exception cref="FormatException">On an invalid pipeline file.</exception>
    public static TabularModel Train(string pipelinePath, string trainCsv, string labelColumn, string outputDirectory, string idColumn = "id") =>
        Train(pipelinePath, trainCsv, outputDirectory, new FeatureTableOptions { IdColumn = idColumn, LabelColumn = labelColumn }, _ => { });

    /// <summary>
    /// Trains on a user's table (e.g. PyRadiomics batch output) and saves: features chosen by <paramref name="options"/>,
    /// non-finite cells replaced by the training median (kept in the model for scoring); returns the fitted model.
    /// </summary>
    /// <param name="pipelinePath">Pipeline YAML (see <see cref="TabularPipelineYaml"/>).</param>
    /// <param name="trainCsv">Training feature table.</param>
    /// <param name="outputDirectory">Model directory to write.</param>
    /// <param name="options">Id, label (required) and cohort columns and the feature include/exclude patterns.</param>
    /// <param name="note">Receives the lines saying which columns were left out and which cells were imputed.</param>
    /// <exception cref="FeatureTableException">On an unusable table (missing columns, no numeric feature, one class only).</exception>
    /// <exception cref="FormatException">On an invalid pipeline file.</exception>
    public static TabularModel Train(string pipelinePath, string trainCsv, string outputDirectory, FeatureTableOptions options, Action<string> note) =>
        Train(new MLContext(0), pipelinePath, trainCsv, outputDirectory, options, note);

    /// <summary>
    /// As <see cref="Train(string, string, string, FeatureTableOptions, Action{string})"/>, fitting and saving with the
    /// caller's <paramref name="ml"/> (its seed, log and cancellation).
    /// </summary>
    /// <param name="ml">The caller's ML.NET context; every step is fitted and the model saved with it.</param>
    /// <param name="pipelinePath">Pipeline YAML (see <see cref="TabularPipelineYaml"/>).</param>
    /// <param name="trainCsv">Training feature table.</param>
    /// <param name="outputDirectory">Model directory to write.</param>
    /// <param name="options">Id, label (required) and cohort columns and the feature include/exclude patterns.</param>
    /// <param name="note">Receives the lines saying which columns were left out and which cells were imputed.</param>
    /// <exception cref="FeatureTableException">On an unusable table (missing columns, no numeric feature, one class only).</exception>
    /// <exception cref="FormatException">On an invalid pipeline file.</exception>
    public static TabularModel Train(MLContext ml, string pipelinePath, string trainCsv, string outputDirectory, FeatureTableOptions options, Action<string> note)
    {
        ArgumentNullException.ThrowIfNull(ml);
        ArgumentNullException.ThrowIfNull(options);
        ArgumentNullException.ThrowIfNull(note);
        var pipeline = TabularPipelineYaml.Load(pipelinePath);
        var import = FeatureTableImport.ForTraining(trainCsv, options);
        foreach (var line in import.Notes)
        {
            note(line);
        }

        var model = Train(ml, pipeline, import.Table, options.LabelColumn!, options.IdColumn, import.Medians);
        model.Save(ml, outputDirectory);
        return model;
    }

    /// <summary>Fits <paramref name="pipeline"/> on a loaded labelled table (no files written) with a new <c>MLContext(0)</c>.</summary>
    /// <param name="pipeline">The pipeline to fit.</param>
    /// <param name="train">Labelled training table.</param>
    /// <param name="labelColumn">Label column name, recorded in the model.</param>
    /// <param name="idColumn">Id column name, recorded in the model.</param>
    /// <param name="medians">Training median per feature, recorded for scoring tables with non-finite cells; null: such tables are refused.</param>
    /// <exception cref="FeatureTableException">When the table is unlabelled or has one class only.</exception>
    public static TabularModel Train(TabularPipeline pipeline, FeatureTable train, string labelColumn, string idColumn = "id", IReadOnlyList<float>? medians = null) =>
        Train(new MLContext(0), pipeline, train, labelColumn, idColumn, medians);

    /// <summary>
    /// Fits <paramref name="pipeline"/> on a loaded labelled table (no files written) with the caller's <paramref name="ml"/>:
    /// every step's estimator is created and fitted in that context, so its seed, log and cancellation apply.
    /// </summary>
    /// <param name="ml">The caller's ML.NET context.</param>
    /// <param name="pipeline">The pipeline to fit.</param>
    /// <param name="train">Labelled training table.</param>
    /// <param name="labelColumn">Label column name, recorded in the model.</param>
    /// <param name="idColumn">Id column name, recorded in the model.</param>
    /// <param name="medians">Training median per feature, recorded for scoring tables with non-finite cells; null: such tables are refused.</param>
    /// <exception cref="FeatureTableException">When the table is unlabelled or has one class only.</exception>
    public static TabularModel Train(MLContext ml, TabularPipeline pipeline, FeatureTable train, string labelColumn, string idColumn = "id", IReadOnlyList<float>? medians = null)
    {
        ArgumentNullException.ThrowIfNull(ml);
        var labels = train.Labels ?? throw new FeatureTableException($"Training table '{train.Source}' has no label column.");
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Count)
            throw new FeatureTableException($"Label column '{labelColumn}' in '{train.Source}' has only one class ({(positives == 0 ? 0 : 1)}) in {labels.Count} rows; training needs both.");

        var fitted = pipeline.Fit(ml, train.ToDataView(ml));
        var manifest = new TabularModelManifest
        {
            FormatVersion = TabularModel.FormatVersion,
            LibraryVersion = typeof(TabularTraining).Assembly.GetName().Version?.ToString() ?? "",
            Pipeline = pipeline.Name,
            IdColumn = idColumn,
            LabelColumn = labelColumn,
            Features = [.. train.FeatureNames],
            Medians = medians,
            Training = new TabularTrainingProvenance(train.Source, Sha256(train.Source), labels.Count, positives, DateTime.UtcNow.ToString("O")),
        };
        return new TabularModel(manifest, [.. fitted.Select(f => (f.Step.Kind, f.Transformer, f.InputSchema))], TabularPipelineYaml.Write(pipeline));
    }

    private static string Sha256(string path)
    {
        if (!File.Exists(path)) return "";
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }
}
