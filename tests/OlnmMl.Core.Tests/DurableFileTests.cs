using OlnmMl.Tests.Shared;

namespace OlnmMl.Core.Tests;

public sealed class DurableFileTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("olnm-durable-").FullName;

    [Fact]
    public void AFailingWriterLeavesTheOldFileAndNoTemporaryFile()
    {
        var path = Path.Combine(_folder, "model.onnx");
        DurableFile.WriteAllText(path, "old");
        Assert.Throws<InvalidOperationException>(() => DurableFile.Write(path, stream =>
        {
            stream.Write("half"u8);
            throw new InvalidOperationException("writer broke");
        }));
        Assert.Equal("old", File.ReadAllText(path));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    [Fact]
    public void ReplaceDirectorySwapsWholeFoldersAndKeepsTheOldOneWhenTheBuildFails()
    {
        var model = Path.Combine(_folder, "model");
        DurableFile.ReplaceDirectory(model, building => File.WriteAllText(Path.Combine(building, "a.txt"), "v1"));
        Assert.Throws<InvalidOperationException>(() => DurableFile.ReplaceDirectory(model, building =>
        {
            File.WriteAllText(Path.Combine(building, "b.txt"), "v2");
            throw new InvalidOperationException("trainer broke");
        }));
        Assert.Equal(["a.txt"], Directory.GetFiles(model).Select(Path.GetFileName));

        DurableFile.ReplaceDirectory(model, building => File.WriteAllText(Path.Combine(building, "b.txt"), "v2"));
        Assert.Equal(["b.txt"], Directory.GetFiles(model).Select(Path.GetFileName));
        Assert.Single(Directory.GetFileSystemEntries(_folder));
    }

    /// <summary>
    /// A real full file system: a 1 MiB tmpfs (needs root and mount; skipped otherwise). The old
    /// 100 kB file must survive an attempt to write 4 MiB, and the error must name the file.
    /// </summary>
    [SkippableFact]
    public void OnAFullDiskTheOldFileSurvivesAndTheErrorNamesIt()
    {
        using var tmpfs = SmallTmpfs.TryMount(1);
        Skip.If(tmpfs is null, "needs root and mount to create a small tmpfs (run the tests as root to include this check)");
        var path = Path.Combine(tmpfs!.Root, "scores.csv");
        var old = new string('x', 100_000);
        DurableFile.WriteAllText(path, old);

        var error = Assert.Throws<OlnmUserException>(() => DurableFile.WriteAllText(path, new string('y', 4 << 20)));
        Assert.Contains(path, error.Message);
        Assert.Equal(old, File.ReadAllText(path));
        Assert.Equal(["scores.csv"], Directory.GetFileSystemEntries(tmpfs.Root).Select(Path.GetFileName));
    }

    public void Dispose() => Directory.Delete(_folder, recursive: true);
}
