using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Tests.Study;

public sealed class SliceBagRecipeOptionsTests
{
    private static SliceBagOptions Parse(params (string Key, string Value)[] options) => SliceBagRecipeOptions.Of(ExperimentOptions.Data(options), "exp.yaml");

    [Fact]
    public void DefaultsAreAllAxialMaskSlicesOf64PixelsWithOneNeighbourEachSide()
    {
        var options = Parse();

        Assert.Equal(new SliceBagOptions().Fingerprint(), options.Fingerprint());
        Assert.Equal(["ct"], options.ChannelKeys);
        Assert.Equal(3, options.InstanceChannels);
        Assert.False(options.Orthogonal);
    }

    [Fact]
    public void EveryBagOptionIsRead()
    {
        var options = Parse(
            ("bags", "axial+orthogonal"), ("bag-selection", "largest-5"), ("bag-size", "32"), ("bag-max", "10"), ("bag-neighbours", "0"),
            ("spacing", "0.5"), ("channels", "ct,pet"));

        Assert.True(options.Orthogonal);
        Assert.Equal((SliceSelection.Largest, 5), (options.Selection, options.SelectionCount));
        Assert.Equal((32, 10, 0, 0.5), (options.Size, options.MaxInstances, options.Neighbours, options.Spacing));
        Assert.Equal(2, options.InstanceChannels); // two images × one slice
        Assert.Equal((SliceSelection.EveryNth, 3), (Parse(("bag-selection", "every-3")).Selection, Parse(("bag-selection", "every-3")).SelectionCount));
    }

    [Theory]
    [InlineData("bags", "coronal", "exp.yaml: data.options.bags 'coronal' is not axial or axial+orthogonal")]
    [InlineData("bag-selection", "largest-0", "exp.yaml: data.options.bag-selection 'largest-0' is not all, largest-K or every-N")]
    [InlineData("bag-selection", "top-3", "exp.yaml: data.options.bag-selection 'top-3' is not all, largest-K or every-N")]
    [InlineData("bag-selection", "every-", "exp.yaml: data.options.bag-selection 'every-' is not all, largest-K or every-N")]
    [InlineData("bag-selection", "largest", "exp.yaml: data.options.bag-selection 'largest' is not all, largest-K or every-N")]
    [InlineData("bag-size", "0", "exp.yaml: data.options.bag-size '0' is not a positive integer")]
    [InlineData("bag-max", "many", "exp.yaml: data.options.bag-max 'many' is not a positive integer")]
    [InlineData("bag-neighbours", "-1", "exp.yaml: data.options.bag-neighbours '-1' is not an integer ≥ 0")]
    public void ABadValueIsNamedWithTheExperimentAndOption(string key, string value, string message)
    {
        var error = Assert.Throws<OlnmUserException>(() => Parse((key, value)));

        Assert.StartsWith(message, error.Message);
    }

    [Fact]
    public void OrthogonalPlanesNeedAMaximumOfAtLeastThree()
    {
        var error = Assert.Throws<OlnmUserException>(() => Parse(("bags", "axial+orthogonal"), ("bag-max", "2")));

        Assert.StartsWith("exp.yaml: data.options.bag-max '2' leaves no room for an axial slice", error.Message);
        Assert.Equal(3, Parse(("bags", "axial+orthogonal"), ("bag-max", "3")).MaxInstances);
    }
}
