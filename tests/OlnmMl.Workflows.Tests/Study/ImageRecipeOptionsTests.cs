using OlnmMl.Imaging.Morphology;
using OlnmMl.Imaging.Preprocessing;
using OlnmMl.Workflows.Study;

namespace OlnmMl.Workflows.Tests.Study;

/// <summary>Peritumoral channels in the image recipe: <c>channels: ct,ct-peritumoral</c> and <c>peritumoral-mm</c>.</summary>
public sealed class ImageRecipeOptionsTests
{
    private static CropOptions Parse(params (string Key, string Value)[] options) => ImageRecipeOptions.Of(ExperimentOptions.Data(options), "exp.yaml");

    [Fact]
    public void A_peritumoral_key_reads_its_image_in_a_3_mm_shell_unless_told_otherwise()
    {
        var recipe = Parse(("channels", "ct,ct-peritumoral"), ("window-ct-peritumoral", "-1000,-400"));

        Assert.Equal(["ct", "ct-peritumoral"], recipe.ChannelKeys);
        Assert.Equal(["ct", "ct"], recipe.Channels.Select(c => c.ImageKey));
        Assert.Null(recipe.Channels[0].Peritumoral);
        Assert.Equal(new PeritumoralRegion(0, 3), recipe.Channels[1].Peritumoral);
        Assert.Equal(new IntensityWindow(-1000, -400), recipe.Channels[1].Window);
        Assert.Equal(new PeritumoralRegion(0, 5), Parse(("channels", "ct-peritumoral"), ("peritumoral-mm", "5")).Channels[0].Peritumoral);
        // The whole-image recipe's fingerprint (its cache key) is unchanged by the option's existence.
        Assert.Equal("ct[-1600,400]", Parse().Channels[0].Fingerprint());
        Assert.Equal("ct-peritumoral(0,3mm][-1600,400]", Parse(("channels", "ct-peritumoral")).Channels[0].Fingerprint());
    }

    [Theory]
    [InlineData("ct-peritumoral", "0", "exp.yaml: data.options.peritumoral-mm '0' is not a positive number")]
    [InlineData("ct", "3", "exp.yaml: data.options.peritumoral-mm is set but no channel is peritumoral")]
    public void A_bad_shell_is_one_line_naming_the_experiment_and_option(string channels, string shell, string message)
    {
        var error = Assert.Throws<OlnmUserException>(() => Parse(("channels", channels), ("peritumoral-mm", shell)));

        Assert.StartsWith(message, error.Message);
    }
}
