using Microsoft.ML;
using Microsoft.ML.Data;
using OlnmMl.Learners.Clinical;
using OlnmMl.Learners.Data;
using OlnmMl.Learners.Selection;
using OlnmMl.Learners.Svm;

namespace OlnmMl.Learners.Tests.Svm;

public class SchemaPropagationTests
{
    private readonly MLContext _ml = new(1);

    [Fact]
    public void EstimatorShapes_AnnounceTheColumnsTheTransformersProduce()
    {
        var (x, y) = TestData.Gaussian(40, 3, 2, 0.3, seed: 71);
        var data = TestData.Create(_ml, x, y);
        var input = SchemaShapeFactory.Create(data.Schema);

        foreach (IEstimator<ITransformer> trainer in new IEstimator<ITransformer>[]
                 { _ml.BinaryClassification.Trainers.KernelSvm(), _ml.BinaryClassification.Trainers.ClinicalLogistic() })
        {
            var shape = trainer.GetOutputSchema(input);
            var actual = trainer.Fit(data).GetOutputSchema(data.Schema);
            foreach (var name in new[] { "Score", "Probability", "PredictedLabel" })
            {
                Assert.Contains(shape, c => c.Name == name && c.ItemType == actual[name].Type);
            }
        }

        var selector = _ml.Transforms.SelectFeaturesByDecisionTree(topK: 2);
        Assert.Contains(selector.GetOutputSchema(input), c => c.Name == "Features" && c.Kind == SchemaShape.Column.VectorKind.Vector);
        Assert.Equal(2, ((VectorDataViewType)selector.Fit(data).GetOutputSchema(data.Schema)["Features"].Type).Size);
    }

    [Fact]
    public void ScoringDataWithTheWrongWidth_NamesTheColumn()
    {
        var (x, y) = TestData.Gaussian(40, 3, 2, 1, seed: 72);
        var model = _ml.BinaryClassification.Trainers.KernelSvm().Fit(TestData.Create(_ml, x, y));
        var (narrow, _) = TestData.Gaussian(10, 2, 0, 0, seed: 73);
        var ex = Assert.Throws<ArgumentException>(() => model.Transform(TestData.Create(_ml, narrow, new bool[10])));
        Assert.Contains("'Features' has 2 slots", ex.Message);
    }
}
