using OlnmMl.AutoML.Spaces;

namespace OlnmMl.AutoML.Tests;

public class SearchSpaceTests
{
    private static SearchSpace FusionSpace() => new(
    [
        new CategoricalParameter("trial", ["radiomics-svm", "deep", "fusion"]),
        new FloatParameter("svm-c", 0.01, 100, log: true, new ParameterCondition("trial", ["radiomics-svm"])),
        new IntegerParameter("epochs", 1, 9, condition: new ParameterCondition("trial", ["deep", "fusion"])),
        new CategoricalParameter("fusion", ["add*", "learnable-add*", "concat*", "concat"], new ParameterCondition("trial", ["fusion"])),
    ]);

    [Fact]
    public void Grid_counts_only_active_combinations()
    {
        // resolution 3: radiomics 3 C values; deep 3 epochs; fusion 3 epochs × 4 modes = 12 → 18.
        var grid = FusionSpace().Grid(3);
        Assert.Equal(18, grid.Count);
        Assert.Equal(grid.Count, grid.Distinct().Count());
        Assert.All(grid.Where(g => g.GetCategory("trial") == "radiomics-svm"), g => Assert.False(g.ContainsKey("fusion")));
    }

    [Fact]
    public void Log_grid_midpoint_is_the_geometric_mean()
    {
        // sqrt(0.01 · 100) = 1.
        var values = new FloatParameter("c", 0.01, 100, log: true).GridValues(3);
        Assert.Equal([0.01, 1.0, 100], values.Select(v => Math.Round(v.AsDouble(), 12)));
    }

    [Fact]
    public void Samples_respect_conditions_and_ranges()
    {
        var space = FusionSpace();
        var random = new Random(1);
        for (var i = 0; i < 300; i++)
        {
            var sample = space.Sample(random);
            space.Validate(sample);
            Assert.Equal(sample.GetCategory("trial") == "fusion", sample.ContainsKey("fusion"));
        }
    }

    [Fact]
    public void Integer_sampling_reaches_both_ends_evenly()
    {
        // 9000 draws of U{1..3}: each value expected 3000, SD ≈ 45; allow ±300.
        var parameter = new IntegerParameter("k", 1, 3);
        var random = new Random(3);
        var counts = Enumerable.Range(0, 9000).Select(_ => parameter.Sample(random).AsInteger()).GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
        Assert.All(new long[] { 1, 2, 3 }, v => Assert.InRange(counts[v], 2700, 3300));
    }

    [Fact]
    public void Encode_decode_round_trips_a_configuration()
    {
        var space = FusionSpace();
        var random = new Random(5);
        var encoded = new double[space.Count];
        for (var i = 0; i < 50; i++)
        {
            var sample = space.Sample(random);
            space.Encode(sample, encoded);
            var decoded = space.Decode(encoded);
            Assert.Equal(sample.Keys, decoded.Keys);
            foreach (var (name, value) in sample)
            {
                if (value.Kind == ParameterValueKind.Float)
                {
                    Assert.Equal(value.AsDouble(), decoded.GetDouble(name), 1e-9 * value.AsDouble());
                }
                else
                {
                    Assert.Equal(value, decoded[name]);
                }
            }
        }
    }

    [Fact]
    public void Validate_names_an_inactive_parameter()
    {
        var bad = new ParameterSet(new Dictionary<string, ParameterValue>
        {
            ["trial"] = ParameterValue.Of("deep"),
            ["epochs"] = ParameterValue.Of(3L),
            ["fusion"] = ParameterValue.Of("concat"),
        });
        var error = Assert.Throws<ArgumentException>(() => FusionSpace().Validate(bad));
        Assert.Contains("'fusion'", error.Message);
    }

    [Fact]
    public void A_condition_on_an_unknown_parent_is_rejected()
    {
        var error = Assert.Throws<ArgumentException>(() => new SearchSpace([new CategoricalParameter("fusion", ["add*"], new ParameterCondition("model", ["fused"]))]));
        Assert.Contains("'model'", error.Message);
    }

    [Fact]
    public void Parameter_json_keeps_integer_and_float_kinds()
    {
        var set = new ParameterSet(new Dictionary<string, ParameterValue>
        {
            ["a"] = ParameterValue.Of(1.0),
            ["b"] = ParameterValue.Of(1L),
            ["c"] = ParameterValue.Of("x,\"y\""),
            ["d"] = ParameterValue.Of(1e-7),
        });
        var back = ParameterSet.FromJson(set.ToJson());
        Assert.Equal(set, back);
        Assert.Equal(ParameterValueKind.Float, back["a"].Kind);
        Assert.Equal(ParameterValueKind.Integer, back["b"].Kind);
    }
}
