using OlnmMl.Torch.Weights;
using TorchSharp;

namespace OlnmMl.Torch.Tests;

/// <summary>
/// Our reader against files PyTorch itself wrote: Fixtures/state_zip.pt and Fixtures/state_legacy.pt
/// come from real <c>torch.save</c> (zip and pre-1.6 legacy format; Fixtures/make_torch_save_fixtures.py,
/// torch 1.13), and every expected value below is the formula that script documents, not our writer.
/// </summary>
public sealed class WeightLoadingFromPyTorchTests
{
    [Theory]
    [InlineData("state_zip.pt")]
    [InlineData("state_legacy.pt")]
    public void EveryTensorOfARealTorchSaveFileReadsToItsExactValues(string file)
    {
        var weights = PyTorchStateDict.Read(Path.Combine(AppContext.BaseDirectory, "Fixtures", file));
        try
        {
            Assert.Equal(["bn.num_batches_tracked", "bn.running_var", "conv.bias", "conv.weight", "fc.bias", "fc.weight"], weights.Keys.Order());

            Assert.Equal(new long[] { 2, 1, 2, 2 }, weights["conv.weight"].shape);
            Assert.Equal(Enumerable.Range(0, 8).Select(k => 0.25f * k - 1), weights["conv.weight"].data<float>().ToArray());

            Assert.Equal(new[] { 0.5f, -0.5f }, weights["conv.bias"].data<float>().ToArray());

            // Saved as the transpose of a (2, 3) tensor holding k + 0.5: [i, j] = 3j + i + 0.5.
            Assert.Equal(new long[] { 3, 2 }, weights["fc.weight"].shape);
            var fc = Enumerable.Range(0, 3).SelectMany(i => Enumerable.Range(0, 2).Select(j => 3f * j + i + 0.5f));
            Assert.Equal(fc, weights["fc.weight"].data<float>().ToArray());

            // A slice [2:5] of 10k: the file holds the whole storage and offset 2.
            Assert.Equal(new[] { 20f, 30f, 40f }, weights["fc.bias"].data<float>().ToArray());

            Assert.Equal(torch.ScalarType.Float64, weights["bn.running_var"].dtype);
            Assert.Equal(new[] { 1.5, 2.25 }, weights["bn.running_var"].data<double>().ToArray());

            Assert.Equal(torch.ScalarType.Int64, weights["bn.num_batches_tracked"].dtype);
            Assert.Empty(weights["bn.num_batches_tracked"].shape);
            Assert.Equal(7L, weights["bn.num_batches_tracked"].item<long>());
        }
        finally
        {
            foreach (var tensor in weights.Values)
            {
                tensor.Dispose();
            }
        }
    }
}
