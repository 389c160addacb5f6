using OlnmMl.Torch.Training;
using TorchSharp;

namespace OlnmMl.Torch.Tests;

public sealed class TrainingMathTests
{
    [Fact]
    public void CosineScheduleIsFlatThenHalfAtMidpointThenNearZero()
    {
        // E = 100, s = 5: η(4) = η₀; η(52.5) would be η₀/2, η(5) = η₀, η(99) = η₀·½(1 + cos(94π/95)).
        Assert.Equal(1e-4, CosineSchedule.Rate(1e-4, 4, 100, 5), 12);
        Assert.Equal(1e-4, CosineSchedule.Rate(1e-4, 5, 100, 5), 12);
        Assert.Equal(0.5, CosineSchedule.Rate(1, 55, 105, 5), 12);
        Assert.Equal(0.5 * (1 + Math.Cos(94 * Math.PI / 95)), CosineSchedule.Rate(1, 99, 100, 5), 12);
    }

    [Fact]
    public void RankAucCountsTiesAsHalf()
    {
        // Positives {0.9, 0.5}, negatives {0.5, 0.1}: pairs (0.9>0.5), (0.9>0.1), (0.5=0.5 → ½), (0.5>0.1) → 3.5/4.
        Assert.Equal(0.875, RankAuc.Compute([0.9f, 0.5f, 0.5f, 0.1f], [true, true, false, false]), 12);
    }

    [Fact]
    public void ContrastiveLossMatchesAHandCalculation()
    {
        // Unit embeddings e0 = e1 = (1, 0) (label 1, centres 0 and 1), e2 = (0, 1) (label 0, centre 0),
        // e3 = (0, 1) (label 0, centre 0), τ = 1. Cross-centre positives: 0↔1 only (2 and 3 share a centre).
        // Anchor 0: s01 = 1, s02 = s03 = 0 → −[1 − log(e + 2)]; anchor 1 is symmetric.
        // Loss = log(e + 2) − 1 = 0.5514.
        using var embeddings = torch.tensor(new float[] { 1, 0, 1, 0, 0, 1, 0, 1 }, [4, 2]);
        using var labels = torch.tensor(new long[] { 1, 1, 0, 0 });
        using var centres = torch.tensor(new long[] { 0, 1, 0, 0 });
        using var loss = SupervisedContrastiveLoss.Compute(embeddings, labels, centres, 1.0);
        Assert.Equal(Math.Log(Math.E + 2) - 1, loss.item<float>(), 5);
    }

    [Fact]
    public void EmaMovesTheShadowByOneMinusMomentum()
    {
        // θ_ema = 0.9·0 + 0.1·1 = 0.1 for every weight.
        using var online = torch.nn.Linear(2, 1);
        using var shadow = torch.nn.Linear(2, 1);
        using (torch.no_grad())
        {
            foreach (var p in online.parameters()) p.fill_(1);
            foreach (var p in shadow.parameters()) p.fill_(0);
        }
        EmaModel.Update(shadow, online, 0.9);
        Assert.All(shadow.parameters(), p => Assert.True(p.allclose(torch.full_like(p, 0.1))));
    }

    [Fact]
    public void RotationsPreserveEveryVoxelValue()
    {
        // A 90° turn permutes voxels: sorted values are unchanged, and the cube is not the identity for k ≠ 0.
        using var batch = torch.arange(2 * 27, dtype: torch.float32).reshape(2, 1, 3, 3, 3);
        using var rotated = RandomRotations.Apply(batch, new Random(3));
        Assert.True(rotated.flatten().sort().Values.eq(batch.flatten().sort().Values).all().item<bool>());
    }
}
