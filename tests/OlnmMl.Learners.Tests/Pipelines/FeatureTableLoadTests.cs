using OlnmMl.Learners.Pipelines;

namespace OlnmMl.Learners.Tests.Pipelines;

public sealed class FeatureTableLoadTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("olnm-table-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void ARepeatedIdInATrainingTableIsRefusedNamingBothLines()
    {
        var path = Path.Combine(_directory, "train.csv");
        File.WriteAllText(path, "id,y,a\np1,1,0.5\np2,0,0.1\np1,0,0.3\n");

        var error = Assert.Throws<FeatureTableException>(() => FeatureTable.Load(path, "y"));

        Assert.Equal($"{path}: line 4 repeats the id 'p1' of line 2.", error.Message);
    }
}
