using OlnmMl.Cohorts.Manifest;

namespace OlnmMl.Cohorts.Tests;

public class CohortRoleTests
{
    [Theory]
    [InlineData("train", "train")]
    [InlineData("Training", "train")]
    [InlineData("val", "validation")]
    [InlineData("VALIDATION", "validation")]
    [InlineData("test", "test")]
    [InlineData("test-H5", "test-h5")]
    [InlineData("test_centre2", "test-centre2")]
    public void Known_names_parse_to_their_canonical_spelling(string text, string canonical)
    {
        Assert.True(CohortRole.TryParse(text, out var role));
        Assert.Equal(canonical, role.ToString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("holdout")]
    [InlineData("test-")]
    [InlineData("test-a b")]
    [InlineData("trainx")]
    public void Other_names_are_rejected(string text) => Assert.False(CohortRole.TryParse(text, out _));
}
