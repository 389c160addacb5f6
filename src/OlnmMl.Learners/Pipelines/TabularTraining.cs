using System.Security.Cryptography;
using Microsoft.ML;

namespace OlnmMl.Learners.Pipelines;

/// <summary>
/// Entry point of <c>olnm train --pipeline P --train T.csv --label y --out model/</c>: reads the pipeline YAML and
/// the training feature table (every numeric column except id and label is a feature), fits the pipeline on it and
/// writes the model directory.
/// </summary>
public static class TabularTraining
{
    /// <summary>Trains and saves; returns the fitted model.</summary>
    /// <param name="pipelinePath">Pipeline YAML (see <see cref="TabularPipelineYaml"/>).</param>
    /// <param name="trainCsv">Training feature table.</param>
    /// <param name="labelColumn">Outcome column (0/1 or true/false).</param>
    /// <param name="outputDirectory">Model directory to write.</param>
    /// <param name="idColumn">Case id column.</param>
    /// <exception cref="FeatureTableException">On an unusable table (missing columns, NaN/∞, one class only).</exception>
    /// <exception cref="FormatException">On an invalid pipeline file.</exception>
    public static TabularModel Train(string pipelinePath, string trainCsv, string labelColumn, string outputDirectory, string idColumn = "id")
    {
        var pipeline = TabularPipelineYaml.Load(pipelinePath);
        var model = Train(pipeline, FeatureTable.Load(trainCsv, labelColumn, idColumn), labelColumn, idColumn);
        model.Save(new MLContext(0), outputDirectory);
        return model;
    }

    /// <summary>Fits <paramref name="pipeline"/> on a loaded labelled table (no files written).</summary>
    /// <exception cref="FeatureTableException">When the table is unlabelled or has one class only.</exception>
    public static TabularModel Train(TabularPipeline pipeline, FeatureTable train, string labelColumn, string idColumn = "id")
    {
        var labels = train.Labels ?? throw new FeatureTableException($"Training table '{train.Source}' has no label column.");
        var positives = labels.Count(l => l);
        if (positives == 0 || positives == labels.Count)
            throw new FeatureTableException($"Label column '{labelColumn}' in '{train.Source}' has only one class ({(positives == 0 ? 0 : 1)}) in {labels.Count} rows; training needs both.");

        var ml = new MLContext(0);
        var fitted = pipeline.Fit(ml, train.ToDataView(ml));
        var manifest = new TabularModelManifest
        {
            FormatVersion = TabularModel.FormatVersion,
            LibraryVersion = typeof(TabularTraining).Assembly.GetName().Version?.ToString() ?? "",
            Pipeline = pipeline.Name,
            IdColumn = idColumn,
            LabelColumn = labelColumn,
            Features = [.. train.FeatureNames],
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
