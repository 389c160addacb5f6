using System.Globalization;
using System.Text;
using OlnmMl.Learners.Pipelines;
using OlnmMl.Learners.Selection;

namespace OlnmMl.Learners.Tests.Pipelines;

public class IccPipelineTests
{
    [Fact]
    public void IccStepFromYaml_AlignsTheSecondExtractionById_AfterNormalisation()
    {
        // f0, f1: re-extracted with 5 % noise (ICC ≈ 1); f2, f3: re-extraction unrelated (ICC ≈ 0). The retest file
        // lists the cases in reverse order, so a row-order match would pair different cases and fail.
        var dir = PipelineFiles.TempDirectory();
        var rng = new Random(5);
        var (x, y) = TestData.Gaussian(80, 4, 2, 0.8, seed: 81);
        Write(Path.Combine(dir, "train.csv"), x, y, Enumerable.Range(0, 80).ToArray());
        var retest = x.Select(r => new[]
        {
            r[0] + (float)(0.05 * TestData.Normal(rng)), r[1] + (float)(0.05 * TestData.Normal(rng)),
            (float)TestData.Normal(rng), (float)TestData.Normal(rng),
        }).ToArray();
        Write(Path.Combine(dir, "retest.csv"), retest, null, Enumerable.Range(0, 80).Reverse().ToArray());
        File.WriteAllText(Path.Combine(dir, "p.yaml"), """
            name: icc-svm
            steps:
              - normalize: mean-variance
              - select: {method: icc, second_extraction: retest.csv, threshold: 0.8}
              - svm: {kernel: linear}
            """);

        var model = TabularTraining.Train(Path.Combine(dir, "p.yaml"), Path.Combine(dir, "train.csv"), "pN", Path.Combine(dir, "m"));

        var selection = Assert.IsType<FeatureSelectionTransformer>(model.Transformers[1]);
        Assert.Equal([0, 1], selection.SelectedIndices);
        Assert.Contains("second_extraction:", model.PipelineYaml);
        Assert.Equal(TabularPipelineYaml.Write(TabularPipelineYaml.Parse(model.PipelineYaml)), model.PipelineYaml);
    }

    [Fact]
    public void SecondExtractionMissingACase_NamesTheId()
    {
        var dir = PipelineFiles.TempDirectory();
        var (x, y) = TestData.Gaussian(20, 2, 1, 0.5, seed: 82);
        Write(Path.Combine(dir, "train.csv"), x, y, Enumerable.Range(0, 20).ToArray());
        Write(Path.Combine(dir, "retest.csv"), x[..19], null, Enumerable.Range(0, 19).ToArray());
        var pipeline = new TabularPipelineBuilder("p")
            .SelectByIcc(Path.Combine(dir, "retest.csv"), new IccSelectionOptions())
            .KernelSvm(new())
            .Build();
        var ex = Assert.Throws<FeatureTableException>(() =>
            TabularTraining.Train(pipeline, FeatureTable.Load(Path.Combine(dir, "train.csv"), "pN"), "pN"));
        Assert.Contains("'case-19'", ex.Message);
    }

    private static void Write(string path, float[][] x, bool[]? y, int[] order)
    {
        var sb = new StringBuilder("id");
        if (y is not null) sb.Append(",pN");
        for (int j = 0; j < x[0].Length; j++) sb.Append(",f").Append(j);
        sb.AppendLine();
        foreach (var i in order)
        {
            sb.Append("case-").Append(i);
            if (y is not null) sb.Append(',').Append(y[i] ? 1 : 0);
            foreach (var v in x[i]) sb.Append(',').Append(v.ToString("R", CultureInfo.InvariantCulture));
            sb.AppendLine();
        }
        File.WriteAllText(path, sb.ToString());
    }
}
