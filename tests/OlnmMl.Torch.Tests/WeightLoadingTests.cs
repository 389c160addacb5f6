using OlnmMl.Torch.Weights;
using TorchSharp;

namespace OlnmMl.Torch.Tests;

public sealed class WeightLoadingTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("olnm-weights-").FullName;

    [Fact]
    public void StridedTensorsAreRebuiltAsPyTorchViewsThem()
    {
        // Storage 0..5 viewed with size (2, 3) and stride (1, 2): element [i, j] = storage[i + 2j],
        // i.e. [[0, 2, 4], [1, 3, 5]]; with offset 1, size (2), stride (3): [1, 4].
        string path = Path.Combine(folder, "strided.pth");
        TorchSaveFile.Write(path, [
            new("a", [0, 1, 2, 3, 4, 5], [2, 3], [1, 2]),
            new("b", [0, 1, 2, 3, 4, 5], [2], [3], Offset: 1),
        ]);
        var weights = PyTorchStateDict.Read(path);
        Assert.Equal(new float[] { 0, 2, 4, 1, 3, 5 }, weights["a"].data<float>().ToArray());
        Assert.Equal(new long[] { 2, 3 }, weights["a"].shape);
        Assert.Equal(new float[] { 1, 4 }, weights["b"].data<float>().ToArray());
    }

    [Fact]
    public void DataParallelPrefixAndStateDictWrapperAreUnwrappedBeforeStrictLoading()
    {
        string path = Path.Combine(folder, "linear.pth");
        TorchSaveFile.Write(path, [
            new("module.weight", [1, 2, 3, 4, 5, 6], [2, 3], [3, 1]),
            new("module.bias", [7, 8], [2], [1]),
        ], wrapper: "state_dict");
        using var linear = torch.nn.Linear(3, 2);
        CheckpointLoader.Load(linear, path);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, linear.weight!.data<float>().ToArray());
        Assert.Equal(new float[] { 7, 8 }, linear.bias!.data<float>().ToArray());
    }

    [Fact]
    public void LegacyFormatFilesLoadLikeZipFiles()
    {
        // Same tensors as the zip test, in the pre-1.6 layout MedicalNet's weights use.
        string path = Path.Combine(folder, "legacy.pth");
        TorchSaveFile.WriteLegacy(path, [
            new("module.weight", [1, 2, 3, 4, 5, 6], [2, 3], [3, 1]),
            new("module.bias", [7, 8], [2], [1]),
        ]);
        using var linear = torch.nn.Linear(3, 2);
        CheckpointLoader.Load(linear, path);
        Assert.Equal(new float[] { 1, 2, 3, 4, 5, 6 }, linear.weight!.data<float>().ToArray());
        Assert.Equal(new float[] { 7, 8 }, linear.bias!.data<float>().ToArray());
    }

    [Fact]
    public void AShapeMismatchNamesTheParameterAndBothShapes()
    {
        string path = Path.Combine(folder, "wrong.pth");
        TorchSaveFile.Write(path, [
            new("weight", [1, 2, 3, 4, 5, 6], [2, 3], [3, 1]),
            new("bias", [7, 8, 9], [3], [1]),
            new("extra", [0], [1], [1]),
        ]);
        using var linear = torch.nn.Linear(3, 2);
        var error = Assert.Throws<CheckpointMismatchException>(() => CheckpointLoader.Load(linear, path));
        Assert.Contains("'bias' has shape [3] in the file but [2] in the network", error.Message);
        Assert.Contains("unexpected 'extra'", error.Message);
        Assert.Contains(path, error.Message);
    }

    [Fact]
    public void TorchSharpCheckpointRoundTripsIntoAFreshNetwork()
    {
        string path = Path.Combine(folder, "resnet.ts");
        using var first = new torch.Generator(1);
        using var second = new torch.Generator(2);
        using var source = Networks.NetworkCatalog.Create("resnet10-tiny", generator: first);
        using var target = Networks.NetworkCatalog.Create("resnet10-tiny", generator: second);
        CheckpointLoader.SaveTorchSharp(source, path);
        CheckpointLoader.Load(target, path);
        var a = source.state_dict();
        var b = target.state_dict();
        Assert.All(a.Keys, key => Assert.True(a[key].eq(b[key]).all().item<bool>(), key));
    }

    public void Dispose() => Directory.Delete(folder, recursive: true);
}
