using OlnmMl.Imaging.Geometry;
using OlnmMl.Imaging.Morphology;

namespace OlnmMl.Imaging.Tests;

/// <summary>The separable exact distance transform against its definition, d(p) = min_q ‖(p − q) ⊙ s‖, evaluated by brute force.</summary>
public sealed class EuclideanDistanceTests
{
    [Fact]
    public void One_feature_voxel_gives_the_anisotropic_distance_to_its_centre()
    {
        var size = new GridSize(5, 4, 3);
        var feature = new bool[size.Count];
        feature[size.Index(1, 2, 0)] = true;
        var distance = EuclideanDistance.Transform(feature, size, new Vec3(0.5, 2, 3));

        // Voxel (4, 0, 2): offsets (3, −2, 2) voxels = (1.5, −4, 6) mm → √(2.25 + 16 + 36) = √54.25.
        Assert.Equal(Math.Sqrt(54.25), distance[size.Index(4, 0, 2)], 12);
        Assert.Equal(0, distance[size.Index(1, 2, 0)]);
        Assert.Equal(0.5, distance[size.Index(2, 2, 0)], 12);
    }

    [Theory]
    [InlineData(1, 9, 7, 6, 1.0, 1.0, 1.0, 0.05)]
    [InlineData(2, 11, 5, 8, 0.7, 1.3, 2.5, 0.02)]
    [InlineData(3, 6, 6, 6, 1.0, 1.0, 5.0, 0.3)]
    public void Random_masks_equal_the_brute_force_minimum(int seed, int nx, int ny, int nz, double sx, double sy, double sz, double density)
    {
        var size = new GridSize(nx, ny, nz);
        var random = new Random(seed);
        var feature = Enumerable.Range(0, (int)size.Count).Select(_ => random.NextDouble() < density).ToArray();
        var distance = EuclideanDistance.Transform(feature, size, new Vec3(sx, sy, sz));
        for (var z = 0; z < nz; z++)
        {
            for (var y = 0; y < ny; y++)
            {
                for (var x = 0; x < nx; x++)
                {
                    var best = double.PositiveInfinity;
                    for (var q = 0; q < feature.Length; q++)
                    {
                        if (feature[q])
                        {
                            int qx = q % nx, qy = q / nx % ny, qz = q / (nx * ny);
                            double dx = (x - qx) * sx, dy = (y - qy) * sy, dz = (z - qz) * sz;
                            best = Math.Min(best, Math.Sqrt(dx * dx + dy * dy + dz * dz));
                        }
                    }

                    Assert.Equal(best, distance[size.Index(x, y, z)], 9);
                }
            }
        }
    }

    [Fact]
    public void No_feature_voxel_leaves_every_distance_infinite()
    {
        var size = new GridSize(3, 3, 2);
        var distance = EuclideanDistance.Transform(new bool[size.Count], size, new Vec3(1, 1, 1));
        Assert.All(distance, d => Assert.True(double.IsPositiveInfinity(d)));
    }

    [Fact]
    public void A_mask_of_the_wrong_length_names_both_sizes()
    {
        var error = Assert.Throws<ArgumentException>(() => EuclideanDistance.Transform(new bool[5], new GridSize(2, 2, 2), new Vec3(1, 1, 1)));
        Assert.Contains("5 voxels", error.Message);
        Assert.Contains("has 8", error.Message);
    }
}
