using OlnmMl.Learners.Pipelines;
using OlnmMl.Workflows.Study;
using OlnmMl.Workflows.Trials;
using Microsoft.ML;
using OlnmMl.AutoML.Spaces;

namespace OlnmMl.Workflows.Tests.Study;

public sealed class StudyDataTests
{
    [Fact]
    public void ANonFiniteValueInAnExternalCaseChangesNeitherTheFeatureSetNorTheTrainedModel()
    {
        using var files = new StudyFiles();
        var before = StudyData.Load(files.ManifestPath, files.TablePath);
        var modelBefore = TrainAndScoreTraining(before);

        files.Rows["test-h5-03"][0] = "NaN"; // the informative feature, in one external case only
        files.Rows["validation-05"][2] = "inf";
        files.WriteTable();
        var after = StudyData.Load(files.ManifestPath, files.TablePath);

        Assert.Equal(before.RadiomicsNames, after.RadiomicsNames);
        Assert.Empty(after.DroppedFeatures);
        Assert.Equal(2, after.ImputedValues);
        Assert.Equal(modelBefore, TrainAndScoreTraining(after));
    }

    [Fact]
    public void ImputedExternalValuesAreTheTrainingMedianNotAMedianOverAllCohorts()
    {
        using var files = new StudyFiles(casesPerCohort: 5, features: 2);
        // Training values of f1: 1..5 → median 3; validation/test values are 100+ so an all-cohort median would differ.
        var trainIds = files.Rows.Keys.Where(k => k.StartsWith("train", StringComparison.Ordinal)).Order().ToArray();
        for (var i = 0; i < trainIds.Length; i++)
        {
            files.Rows[trainIds[i]][1] = (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        foreach (var id in files.Rows.Keys.Where(k => !k.StartsWith("train", StringComparison.Ordinal)))
        {
            files.Rows[id][1] = "100";
        }

        files.Rows["test-h5-01"][1] = "";
        files.WriteTable();

        var study = StudyData.Load(files.ManifestPath, files.TablePath);
        var imputed = study.Cases.Single(c => c.Case.Id == "test-h5-01").Radiomics[study.RadiomicsNames.ToList().IndexOf("original_f1")];
        Assert.Equal(3f, imputed);
    }

    [Fact]
    public void AColumnNonFiniteOrConstantOnTrainingIsDroppedWhateverTheOtherCohortsHold()
    {
        using var files = new StudyFiles();
        foreach (var id in files.Rows.Keys)
        {
            files.Rows[id][3] = id.StartsWith("train", StringComparison.Ordinal) ? "4.25" : id.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        }

        files.Rows["train-07"][4] = "NaN";
        files.WriteTable();

        var study = StudyData.Load(files.ManifestPath, files.TablePath);
        Assert.Equal(["original_f3", "original_f4"], study.DroppedFeatures);
        Assert.Equal(4, study.RadiomicsNames.Count);
    }

    [Fact]
    public void ACaseWithoutARadiomicsRowIsNamed()
    {
        using var files = new StudyFiles();
        files.Rows.Remove("validation-11");
        files.WriteTable();

        var error = Assert.Throws<InvalidDataException>(() => StudyData.Load(files.ManifestPath, files.TablePath));
        Assert.Contains("validation-11", error.Message);
        Assert.Contains(files.TablePath, error.Message);
    }

    [Fact]
    public void AnAbsentCohortIsRefusedNamingTheCohortsThatExist()
    {
        using var files = new StudyFiles();
        var study = StudyData.Load(files.ManifestPath, files.TablePath);

        var error = Assert.ThrowsAny<Exception>(() => study.Cohort("test-h9"));
        Assert.Contains("test-h9", error.Message);
        Assert.Contains("train, validation, test-h5", error.Message);
    }

    private static float[] TrainAndScoreTraining(StudyData study)
    {
        var ml = new MLContext(3);
        var pipeline = RadiomicsSvmTrial.Pipeline(new ParameterSet([]), study.RadiomicsNames.Count, seed: 3);
        var model = TabularTraining.Train(pipeline, new RadiomicsSvmTrial(study).Table("train", "label"), "label");
        return TabularPrediction.Score(ml, model, new RadiomicsSvmTrial(study).Table("train", target: null)).Select(s => s.Probability).ToArray();
    }
}
