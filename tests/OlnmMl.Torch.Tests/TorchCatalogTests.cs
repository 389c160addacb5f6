using Microsoft.ML;
using OlnmMl.Torch.Fusion;
using OlnmMl.Torch.Mil;

namespace OlnmMl.Torch.Tests;

/// <summary><c>mlContext.Torch()</c> builds on the caller's context: its seed fixes the seeds options leave open.</summary>
public class TorchCatalogTests
{
    [Fact]
    public void TrainersWithoutASeedDrawItFromTheCallersContextInCreationOrder()
    {
        (int Fusion, int Mil) Seeds(int contextSeed)
        {
            var torch = new MLContext(seed: contextSeed).Torch();
            return (torch.Fusion(architecture: "resnet10-tiny").Options.Seed!.Value, torch.Mil(new MilTrainerOptions()).Options.Seed!.Value);
        }

        var first = Seeds(11);
        Assert.Equal(first, Seeds(11));
        Assert.NotEqual(first, Seeds(12));
        Assert.NotEqual(first.Fusion, first.Mil);
    }

    [Fact]
    public void AnExplicitSeedWinsOverTheContext()
    {
        var options = new FusionTrainerOptions { Architecture = "resnet10-tiny", Seed = 7 };
        Assert.Equal(7, new MLContext(seed: 1).Torch().Fusion(options).Options.Seed);
        Assert.Equal(7, new MLContext(seed: 2).Torch().Fusion(options).Options.Seed);
    }
}
