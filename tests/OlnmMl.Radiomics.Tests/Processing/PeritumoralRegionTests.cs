using OlnmMl.Imaging.Morphology;
using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Extraction;
using OlnmMl.Radiomics.Settings;

namespace OlnmMl.Radiomics.Tests.Processing;

/// <summary>Peritumoral recipes describe the shell around the tumour, not the tumour.</summary>
public sealed class PeritumoralRegionTests
{
    private const string Recipe = """
        name: shell
        families: [stat]
        peritumoral: {inner_mm: 0, outer_mm: 2}
        """;

    // A ball of radius 3 voxels (HU 0) in parenchyma (−800), the voxels within 2 mm of the ball at −600: on a 1 mm grid
    // without interpolation the recipe's shell is exactly the painted voxels, so its mean is −600 and its count theirs.
    [Fact]
    public void A_shell_recipe_reads_the_painted_halo_and_nothing_else()
    {
        const int n = 17;
        var geometry = ImageGeometry.AxisAligned(GridSize.Cube(n), new Vec3(1, 1, 1));
        var (image, mask) = (Volume.Zeros(geometry), Volume.Zeros(geometry));
        var tumour = new List<(int X, int Y, int Z)>();
        ForEach(n, (x, y, z) =>
        {
            if (Square(x - 8) + Square(y - 8) + Square(z - 8) <= 9)
            {
                tumour.Add((x, y, z));
            }
        });
        var halo = 0;
        ForEach(n, (x, y, z) =>
        {
            var index = geometry.Size.Index(x, y, z);
            var nearest = tumour.Min(t => Square(x - t.X) + Square(y - t.Y) + Square(z - t.Z));
            (image.Voxels[index], mask.Voxels[index]) = nearest == 0 ? (0f, 1f) : nearest <= 4 ? (-600f, 0f) : (-800f, 0f);
            halo += nearest is > 0 and <= 4 ? 1 : 0;
        });

        var values = new RadiomicsExtractor(RadiomicsSettingsYaml.Parse(Recipe)).Extract(image, mask).Features.ToDictionary(f => f.Name, f => f.Value);

        Assert.Equal(-600, values["original_stat_mean"], 9);
        Assert.Equal(-600, values["original_stat_max"], 9);
        Assert.True(halo > 100, $"the painted halo has {halo} voxels");
    }

    [Fact]
    public void A_tumour_recipe_hashes_as_before_the_option_existed()
    {
        var tumour = RadiomicsSettingsYaml.Parse("name: shell\nfamilies: [stat]\n");
        var shell = RadiomicsSettingsYaml.Parse(Recipe);
        Assert.DoesNotContain("Peritumoral", System.Text.Json.JsonSerializer.Serialize(tumour));
        Assert.NotEqual(tumour.Hash(), shell.Hash());
        Assert.Equal(new PeritumoralRegion(0, 2), shell.Peritumoral);
        Assert.Equal(shell.Hash(), RadiomicsSettingsYaml.Parse(RadiomicsSettingsWriter.ToYaml(shell, [])).Hash()); // written back, read again
    }

    [Theory]
    [InlineData("peritumoral: {inner_mm: 3, outer_mm: 2}")]
    [InlineData("peritumoral: {inner_mm: 1}")]
    public void An_empty_or_open_shell_is_refused_naming_the_key(string line)
    {
        var error = Assert.Throws<RadiomicsSettingsException>(() => RadiomicsSettingsYaml.Parse($"name: x\n{line}\n", "peri.yaml"));
        Assert.Contains("peri.yaml", error.Message);
        Assert.Contains("peritumoral", error.Message);
    }

    private static int Square(int v) => v * v;

    private static void ForEach(int n, Action<int, int, int> visit)
    {
        for (var z = 0; z < n; z++)
        {
            for (var y = 0; y < n; y++)
            {
                for (var x = 0; x < n; x++)
                {
                    visit(x, y, z);
                }
            }
        }
    }
}
