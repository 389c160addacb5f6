using OlnmMl.AutoML.Spaces;
using OlnmMl.AutoML.Tuners;
using Xunit.Abstractions;

namespace OlnmMl.AutoML.Tests;

/// <summary>
/// SMAC against random search on Branin and Hartmann-6 (published minima 0.397887 and −3.32237): over 5 seeds,
/// the median simple regret (best found − minimum) after a fixed number of evaluations must be several times
/// smaller for SMAC, and SMAC must reach a regret that random search does not reach even with 4× the evaluations.
/// </summary>
public class ModelBasedTunerBenchmarkTests(ITestOutputHelper output)
{
    private static double BestAfter(ITuner tuner, Func<ParameterSet, double> f, int evaluations)
    {
        var best = double.PositiveInfinity;
        for (var n = 0; n < evaluations; n++)
        {
            var s = tuner.Propose(n)!;
            var y = f(s.Parameters);
            best = Math.Min(best, y);
            tuner.Tell(new TunerObservation(n, s.Parameters, true, y));
        }

        return best;
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        return sorted[sorted.Length / 2];
    }

    [Theory]
    [InlineData("branin", 40)]
    [InlineData("hartmann6", 60)]
    public void Smac_finds_the_optimum_in_far_fewer_evaluations_than_random(string function, int evaluations)
    {
        var (space, f, minimum) = function == "branin"
            ? (TestFunctions.BraninSpace, (Func<ParameterSet, double>)TestFunctions.Branin, TestFunctions.BraninMinimum)
            : (TestFunctions.Hartmann6Space, TestFunctions.Hartmann6, TestFunctions.Hartmann6Minimum);
        int[] seeds = [1, 2, 3, 4, 5];
        var smac = seeds.Select(s => BestAfter(new SmacTuner(space, s), f, evaluations) - minimum).ToArray();
        var random = seeds.Select(s => BestAfter(new RandomTuner(space, s), f, evaluations) - minimum).ToArray();
        var random4x = seeds.Select(s => BestAfter(new RandomTuner(space, s), f, 4 * evaluations) - minimum).ToArray();
        output.WriteLine($"{function}: median regret after {evaluations} evaluations: SMAC {Median(smac):G4} [{string.Join(", ", smac.Select(r => r.ToString("G3")))}], "
            + $"random {Median(random):G4} [{string.Join(", ", random.Select(r => r.ToString("G3")))}], random with {4 * evaluations}: {Median(random4x):G4}");
        Assert.True(Median(smac) * 3 < Median(random), $"SMAC median regret {Median(smac)} is not 3x below random's {Median(random)}.");
        Assert.True(Median(smac) < Median(random4x), $"SMAC median regret {Median(smac)} does not beat random with 4x the evaluations ({Median(random4x)}).");
    }

    [Fact]
    public void Test_functions_have_their_published_minima()
    {
        // Branin minimum at (π, 2.275); Hartmann-6 at (0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573).
        var branin = new ParameterSet(new Dictionary<string, ParameterValue> { ["x1"] = ParameterValue.Of(Math.PI), ["x2"] = ParameterValue.Of(2.275) });
        Assert.Equal(TestFunctions.BraninMinimum, TestFunctions.Branin(branin), 5);
        double[] x = [0.20169, 0.150011, 0.476874, 0.275332, 0.311652, 0.6573];
        var hartmann = new ParameterSet(x.Select((v, i) => new KeyValuePair<string, ParameterValue>($"x{i + 1}", ParameterValue.Of(v))));
        Assert.Equal(TestFunctions.Hartmann6Minimum, TestFunctions.Hartmann6(hartmann), 4);
    }
}
