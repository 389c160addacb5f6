namespace OlnmMl.Radiomics.Mesh;

/// <summary>
/// Closes the holes that the Lorensen–Cline table leaves where two cubes triangulate a shared ambiguous face
/// differently (one separates the inside corners, its neighbour, a complemented case, the outside corners):
/// the hole is the planar quadrilateral on the face's four edge midpoints. Every directed edge without its
/// reverse bounds a hole; its reverse is a fill edge, fill edges are grouped by the face they lie on (whose
/// centre takes each edge end's odd half-voxel coordinate) and each group's loop is fan-triangulated, so each
/// edge of the result is shared by one triangle in each direction and the divergence-theorem volume no
/// longer depends on the origin.
/// </summary>
internal static class FaceHoleFilling
{
    /// <summary>Appends to <paramref name="triangles"/> (indices into <paramref name="lattice"/>) the fans that close its holes.</summary>
    public static void Close(List<int> triangles, List<(int X, int Y, int Z)> lattice)
    {
        var directed = new HashSet<(int From, int To)>();
        for (var t = 0; t < triangles.Count; t += 3)
        {
            for (var k = 0; k < 3; k++)
            {
                directed.Add((triangles[t + k], triangles[t + (k + 1) % 3]));
            }
        }

        var holes = new Dictionary<(int, int, int), Dictionary<int, int>>();
        foreach (var (from, to) in directed)
        {
            if (!directed.Contains((to, from)))
            {
                var face = FaceCentre(lattice[from], lattice[to]);
                if (!holes.TryGetValue(face, out var next))
                {
                    holes[face] = next = [];
                }

                next.Add(to, from);
            }
        }

        var loop = new List<int>();
        foreach (var next in holes.Values)
        {
            loop.Clear();
            var start = next.Keys.First();
            for (var current = start; loop.Count == 0 || current != start; current = next[current])
            {
                loop.Add(current);
            }

            for (var k = 1; k + 1 < loop.Count; k++)
            {
                triangles.AddRange([loop[0], loop[k], loop[k + 1]]);
            }
        }
    }

    // Each end is a cube-edge midpoint: one odd coordinate; the two ends of a segment on a face share the
    // face's even coordinate, and the face centre is odd on the other two axes.
    private static (int, int, int) FaceCentre((int X, int Y, int Z) a, (int X, int Y, int Z) b) =>
        (Odd(a.X, b.X), Odd(a.Y, b.Y), Odd(a.Z, b.Z));

    private static int Odd(int a, int b) => (a & 1) == 1 ? a : b;
}
