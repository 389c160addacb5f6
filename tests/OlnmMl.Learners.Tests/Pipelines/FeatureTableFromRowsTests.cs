using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

public sealed class FeatureTableFromRowsTests
{
    [Fact]
    public void KeepsRowsNamesAndLabelsInOrder()
    {
        var table = FeatureTable.FromRows("memory", ["a", "b"], ["x", "y"], [[1f, 2f], [3f, 4f]], [true, false]);

        Assert.Equal(["a", "b"], table.Ids);
        Assert.Equal(["x", "y"], table.FeatureNames);
        Assert.Equal([3f, 4f], table.Rows[1]);
        Assert.Equal([true, false], table.Labels);
    }

    [Fact]
    public void NonFiniteFeatureIsNamedWithItsRow()
    {
        var error = Assert.Throws<FeatureTableException>(() =>
            FeatureTable.FromRows("memory", ["a", "b"], ["x", "y"], [[1f, 2f], [3f, float.NaN]], null));

        Assert.Contains("row 'b', feature 'y'", error.Message);
    }

    [Fact]
    public void RepeatedIdAndShortRowAreRejected()
    {
        Assert.Contains("repeats the id 'a'", Assert.Throws<FeatureTableException>(() =>
            FeatureTable.FromRows("memory", ["a", "a"], ["x"], [[1f], [2f]], null)).Message);
        Assert.Contains("has 1 features; expected 2", Assert.Throws<FeatureTableException>(() =>
            FeatureTable.FromRows("memory", ["a"], ["x", "y"], [[1f]], null)).Message);
    }
}
