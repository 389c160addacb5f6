using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Mesh;

namespace OlnmMl.Radiomics.Tests.Mesh;

public sealed class MarchingCubesTopologyTests
{
    // A random 6³ mask at 50 % density placed at (offset, offset, offset) in a grid of side 6 + 2·offset:
    // dense enough that cubes with ≤ 4 and ≥ 5 inside corners share ambiguous faces.
    private static TriangleMesh RandomMesh(int seed, int offset)
    {
        var random = new Random(seed);
        var size = GridSize.Cube(6 + 2 * offset);
        var mask = new bool[size.Count];
        for (var z = 0; z < 6; z++)
        {
            for (var y = 0; y < 6; y++)
            {
                for (var x = 0; x < 6; x++)
                {
                    mask[size.Index(x + offset, y + offset, z + offset)] = random.NextDouble() < 0.5;
                }
            }
        }

        return MarchingCubes.Extract(mask, size, new Vec3(1, 1, 1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(4)]
    public void Mesh_of_a_random_mask_is_closed_and_consistently_oriented(int seed)
    {
        // Closed and oriented: every directed edge occurs exactly once and so does its reverse.
        var mesh = RandomMesh(seed, 0);
        var directed = new Dictionary<(int, int), int>();
        for (var t = 0; t < mesh.Triangles.Length; t += 3)
        {
            for (var k = 0; k < 3; k++)
            {
                var edge = (mesh.Triangles[t + k], mesh.Triangles[t + (k + 1) % 3]);
                directed[edge] = directed.GetValueOrDefault(edge) + 1;
            }
        }

        Assert.All(directed, kv => Assert.Equal((1, 1), (kv.Value, directed.GetValueOrDefault((kv.Key.Item2, kv.Key.Item1)))));
    }

    [Theory]
    [InlineData(5)]
    [InlineData(6)]
    public void Mesh_volume_is_positive_and_independent_of_the_mask_position(int seed)
    {
        // A closed mesh's divergence-theorem volume does not depend on the origin; an open one's does.
        var near = RandomMesh(seed, 0);
        var far = RandomMesh(seed, 40);
        Assert.True(near.Volume() > 0);
        Assert.Equal(near.Volume(), far.Volume(), 9);
        Assert.Equal(near.Area(), far.Area(), 9);
    }

    [Fact]
    public void Face_diagonal_voxels_are_separate_octahedra()
    {
        // Lorensen–Cline separates the two inside corners of an ambiguous face with at most four inside
        // corners in the cube: two voxels touching along an edge mesh as two single-voxel octahedra,
        // volume 2 · 1/6 and area 2 · √3.
        var size = new GridSize(4, 4, 3);
        var mask = new bool[size.Count];
        mask[size.Index(1, 1, 1)] = true;
        mask[size.Index(2, 2, 1)] = true;
        var mesh = MarchingCubes.Extract(mask, size, new Vec3(1, 1, 1));
        Assert.Equal(2.0 / 6, mesh.Volume(), 12);
        Assert.Equal(2 * Math.Sqrt(3), mesh.Area(), 12);
    }
}
