using OlnmMl.Imaging.Geometry;
using OlnmMl.Radiomics.Mesh;

namespace OlnmMl.Radiomics.Tests.Mesh;

public sealed class MeshGeometryTests
{
    private static TriangleMesh Block(int n, Vec3 spacing)
    {
        var size = GridSize.Cube(n + 2);
        var mask = new bool[size.Count];
        for (var z = 1; z <= n; z++)
        {
            for (var y = 1; y <= n; y++)
            {
                for (var x = 1; x <= n; x++)
                {
                    mask[size.Index(x, y, z)] = true;
                }
            }
        }

        return MarchingCubes.Extract(mask, size, spacing);
    }

    [Fact]
    public void Single_voxel_mesh_is_the_octahedron_on_its_face_centres()
    {
        // Vertices at ±½ on each axis: volume (4/3)(½)³ = 1/6, area 2√3·(½√2)² = √3.
        var mesh = Block(1, new Vec3(1, 1, 1));
        Assert.Equal(6, mesh.Lattice.Length);
        Assert.Equal(1.0 / 6, mesh.Volume(), 12);
        Assert.Equal(Math.Sqrt(3), mesh.Area(), 12);
    }

    [Fact]
    public void Mesh_volume_scales_with_anisotropic_spacing()
    {
        Assert.Equal(2.0 * 3 * 0.5 / 6, Block(1, new Vec3(2, 3, 0.5)).Volume(), 12);
    }

    [Theory]
    [InlineData(2)]
    [InlineData(3)]
    [InlineData(5)]
    public void Block_mesh_volume_is_the_box_minus_chamfered_edges_and_corners(int n)
    {
        // Flat faces at ±½; each of the 12 edges loses a prism of cross-section ½·½/2 over length n − 1;
        // each corner loses ½³ − 1/48 (the octant of the box minus the octahedron's) = 5/48.
        var expected = n * n * n - 12 * (n - 1) * 0.125 - 8 * 5.0 / 48;
        Assert.Equal(expected, Block(n, new Vec3(1, 1, 1)).Volume(), 10);
    }

    [Fact]
    public void Convex_hull_of_a_convex_mesh_has_the_mesh_volume_and_area()
    {
        var mesh = Block(3, new Vec3(1, 1, 1));
        var hull = ConvexHull.Build(mesh.Lattice)!;
        Assert.Equal(mesh.Volume(), hull.Volume(0.5, 0.5, 0.5), 9);
        Assert.Equal(mesh.Area(), hull.Area(0.5, 0.5, 0.5), 9);
    }

    [Fact]
    public void Convex_hull_of_coplanar_points_is_undefined()
    {
        Assert.Null(ConvexHull.Build([(0, 0, 0), (1, 0, 0), (0, 1, 0), (1, 1, 0), (2, 3, 0)]));
    }

    [Fact]
    public void Convex_hull_ignores_interior_points()
    {
        // The 2×2×2 lattice cube plus its centre: volume 8, area 24.
        var points = new List<(int, int, int)> { (1, 1, 1) };
        for (var c = 0; c < 8; c++)
        {
            points.Add(((c & 1) * 2, (c >> 1 & 1) * 2, (c >> 2 & 1) * 2));
        }

        var hull = ConvexHull.Build(points)!;
        Assert.Equal(8, hull.Volume(1, 1, 1), 12);
        Assert.Equal(24, hull.Area(1, 1, 1), 12);
    }

    [Fact]
    public void Ellipsoid_area_follows_ibsi_series()
    {
        Assert.Equal(4 * Math.PI * 9, Ellipsoid.SurfaceArea(3, 3, 3), 9);
        // a = 2, b = c = 1: α = β = √¾, so (α² + β²)/(2αβ) = 1, P_ν(1) = 1 and the series is
        // 4π·2·1·Σ_{ν=0}^{20} (¾)^ν/(1 − 4ν²). (IBSI's truncated series, not the exact spheroid area 21.48.)
        var sum = Enumerable.Range(0, 21).Sum(nu => Math.Pow(0.75, nu) / (1 - 4.0 * nu * nu));
        Assert.Equal(8 * Math.PI * sum, Ellipsoid.SurfaceArea(2, 1, 1), 9);
    }

    [Fact]
    public void Minimum_volume_enclosing_ellipsoid_of_cube_corners_is_the_circumscribed_sphere()
    {
        var corners = Enumerable.Range(0, 8).Select(c => ((c & 1) * 2.0 - 1, (c >> 1 & 1) * 2.0 - 1, (c >> 2 & 1) * 2.0 - 1)).ToArray();
        foreach (var axis in Ellipsoid.MinimumVolumeEnclosing(corners))
        {
            Assert.Equal(Math.Sqrt(3), axis, 2);
        }
    }

    [Fact]
    public void Jacobi_eigenvalues_of_a_known_matrix()
    {
        // [[2,1,0],[1,2,0],[0,0,5]]: 5, and 2 ± 1.
        var values = SymmetricEigen.Eigenvalues([2, 1, 0, 1, 2, 0, 0, 0, 5], 3);
        Assert.Equal([5, 3, 1], values.Select(v => Math.Round(v, 10)));
    }
}
