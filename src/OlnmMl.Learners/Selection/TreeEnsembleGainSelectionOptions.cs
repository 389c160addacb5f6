using Microsoft.ML;
using Microsoft.ML.Data;
using Microsoft.ML.Trainers.FastTree;
using OlnmMl.Learners.Data;

namespace OlnmMl.Learners.Selection;

/// <summary>
/// Keeps the <see cref="TopK"/> features of largest split gain summed over a boosted tree ensemble
/// (ML.NET FastTree, <c>GetFeatureWeights</c>), trained on the training rows with <see cref="Seed"/>.
/// Scores are the gains.
/// </summary>
public sealed class TreeEnsembleGainSelectionOptions : FeatureSelectionOptions
{
    /// <summary>Number of features kept.</summary>
    public int TopK { get; set; } = 10;

    /// <summary>Number of boosted trees.</summary>
    public int NumberOfTrees { get; set; } = 100;

    /// <summary>Leaves per tree.</summary>
    public int NumberOfLeaves { get; set; } = 8;

    /// <summary>Minimum rows per leaf.</summary>
    public int MinimumExampleCountPerLeaf { get; set; } = 5;

    /// <summary>Shrinkage.</summary>
    public double LearningRate { get; set; } = 0.1;

    /// <summary>Seed of the ensemble.</summary>
    public int Seed { get; set; }

    /// <inheritdoc />
    public override string MethodName => "tree-ensemble-gain";

    internal override void Validate()
    {
        if (TopK < 1) throw new ArgumentOutOfRangeException(nameof(TopK), TopK, "TopK must be ≥ 1.");
        if (NumberOfTrees < 1) throw new ArgumentOutOfRangeException(nameof(NumberOfTrees), NumberOfTrees, "Must be ≥ 1.");
        if (NumberOfLeaves < 2) throw new ArgumentOutOfRangeException(nameof(NumberOfLeaves), NumberOfLeaves, "Must be ≥ 2.");
    }

    internal override FeatureSelectionResult Select(DenseFeatureMatrix train)
    {
        var ml = new MLContext(Seed);
        var rows = Enumerable.Range(0, train.Rows).Select(i => new GainRow
        {
            Features = train.Row(i).ToArray().Select(v => (float)v).ToArray(),
            Label = train.RequireLabels()[i],
        });
        var schema = SchemaDefinition.Create(typeof(GainRow));
        schema[nameof(GainRow.Features)].ColumnType = new VectorDataViewType(NumberDataViewType.Single, train.Features);
        var data = ml.Data.LoadFromEnumerable(rows, schema);
        var trainer = ml.BinaryClassification.Trainers.FastTree(new FastTreeBinaryTrainer.Options
        {
            NumberOfTrees = NumberOfTrees,
            NumberOfLeaves = NumberOfLeaves,
            MinimumExampleCountPerLeaf = MinimumExampleCountPerLeaf,
            LearningRate = LearningRate,
            NumberOfThreads = 1,
            Seed = Seed,
        });
        var model = trainer.Fit(data);
        var weights = default(VBuffer<float>);
        model.Model.SubModel.GetFeatureWeights(ref weights);
        var gains = weights.DenseValues().Select(w => (double)w).ToArray();
        return new FeatureSelectionResult(FeatureRanking.TopK(gains, TopK), gains);
    }

    private sealed class GainRow
    {
        public float[] Features { get; set; } = [];

        public bool Label { get; set; }
    }
}
