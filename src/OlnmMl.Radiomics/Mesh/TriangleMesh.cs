namespace OlnmMl.Radiomics.Mesh;

/// <summary>
/// A closed triangle mesh whose vertices lie on the half-voxel lattice: vertex v is at
/// (<see cref="Lattice"/>[v] · spacing / 2) mm, triangles oriented with outward normals.
/// </summary>
/// <param name="Lattice">Vertex coordinates in half-voxel units (exact integers).</param>
/// <param name="Triangles">Vertex index triples.</param>
/// <param name="Spacing">Voxel spacing (x, y, z) in mm.</param>
public sealed record TriangleMesh((int X, int Y, int Z)[] Lattice, int[] Triangles, (double X, double Y, double Z) Spacing)
{
    /// <summary>Vertex position in mm.</summary>
    public (double X, double Y, double Z) Position(int vertex)
    {
        var (x, y, z) = Lattice[vertex];
        return (x * Spacing.X / 2, y * Spacing.Y / 2, z * Spacing.Z / 2);
    }

    /// <summary>Enclosed volume by the divergence theorem: V = Σ_f a_f · (b_f × c_f) / 6.</summary>
    public double Volume()
    {
        double volume = 0;
        for (var t = 0; t < Triangles.Length; t += 3)
        {
            var a = Position(Triangles[t]);
            var b = Position(Triangles[t + 1]);
            var c = Position(Triangles[t + 2]);
            volume += a.X * (b.Y * c.Z - b.Z * c.Y) - a.Y * (b.X * c.Z - b.Z * c.X) + a.Z * (b.X * c.Y - b.Y * c.X);
        }

        return volume / 6;
    }

    /// <summary>Surface area A = Σ_f |(b_f − a_f) × (c_f − a_f)| / 2.</summary>
    public double Area()
    {
        double area = 0;
        for (var t = 0; t < Triangles.Length; t += 3)
        {
            var a = Position(Triangles[t]);
            var b = Position(Triangles[t + 1]);
            var c = Position(Triangles[t + 2]);
            double ux = b.X - a.X, uy = b.Y - a.Y, uz = b.Z - a.Z;
            double vx = c.X - a.X, vy = c.Y - a.Y, vz = c.Z - a.Z;
            double cx = uy * vz - uz * vy, cy = uz * vx - ux * vz, cz = ux * vy - uy * vx;
            area += Math.Sqrt(cx * cx + cy * cy + cz * cz);
        }

        return area / 2;
    }
}
