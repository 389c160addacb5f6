using OlnmMl.Cohorts.Synthetic;
using OlnmMl.Workflows.Jobs;

namespace OlnmMl.Workflows.Tests.Jobs;

/// <summary>The leaderboard's oracle comes from the truth file beside the manifest, and only from there.</summary>
public sealed class OracleReferenceTests : IDisposable
{
    private readonly string _root = Directory.CreateTempSubdirectory("olnm-oracle-").FullName;

    private string Manifest => Path.Combine(_root, "manifest.csv");

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void The_oracle_of_a_target_is_the_truth_files_probability_per_case()
    {
        var patient = new SyntheticPatient(60, Cohorts.Manifest.Sex.Female, 1.6, Cohorts.Manifest.Density.Solid, 1, Cohorts.Manifest.NoduleLocation.Outer, 0, 0.5, 0.5, 0);
        SyntheticTruth.Write([SyntheticTruth.Of("h1-0001", patient, 0), SyntheticTruth.Of("h5-0002", patient with { Peritumoral = 1 }, 0.3)], Path.Combine(_root, SyntheticTruth.FileName));
        var oracle = OracleReference.Of(Manifest, "label")!;
        Assert.Equal("oracle", oracle.Name);
        Assert.Contains("not achievable from the images", oracle.Description, StringComparison.Ordinal);
        Assert.Equal(LabelModel.Probability(patient), oracle.Scores["h1-0001"]);
        Assert.Equal(LabelModel.Probability(patient with { Peritumoral = 1 }, 0.3), oracle.Scores["h5-0002"]);
        Assert.Null(OracleReference.Of(Manifest, "n1"));
    }

    [Fact]
    public void Without_a_truth_file_beside_the_manifest_there_is_no_oracle() =>
        Assert.Null(OracleReference.Of(Manifest, "label"));
}
