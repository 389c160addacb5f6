using OlnmMl.Radiomics.Mesh;
using OlnmMl.Radiomics.Processing;

namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Everything the morphological features need, computed once: the marching-cubes mesh of the
/// morphological mask (volume V, area A), the principal component eigenvalues λ₁ ≥ λ₂ ≥ λ₃ of the voxel
/// centre positions, and lazily the convex hull, the enclosing ellipsoid and the spatial autocorrelation.
/// Positions are in mm on the voxel grid, so every feature is independent of the image orientation.
/// </summary>
public sealed class MorphologySample
{
    private readonly Lazy<ConvexHull?> _hull;
    private readonly Lazy<double[]> _mvee;
    private readonly Lazy<(double A, double B, double C)> _ombb;
    private readonly Lazy<(double Moran, double Geary)> _autocorrelation;

    /// <summary>Meshes and measures <paramref name="roi"/>.</summary>
    public MorphologySample(RoiImage roi)
    {
        Roi = roi;
        Mesh = MarchingCubes.Extract(roi.MorphologicalMask, roi.Size, roi.Spacing);
        MeshVolume = Mesh.Volume();
        MeshArea = Mesh.Area();
        Eigenvalues = PrincipalEigenvalues(roi);
        _hull = new Lazy<ConvexHull?>(() => ConvexHull.Build(Mesh.Lattice));
        _mvee = new Lazy<double[]>(() => Hull is { } h
            ? Ellipsoid.MinimumVolumeEnclosing(h.VertexIndices.Select(i => h.Scale(i, roi.Spacing.X / 2, roi.Spacing.Y / 2, roi.Spacing.Z / 2)).ToArray())
            : [double.NaN, double.NaN, double.NaN]);
        _ombb = new Lazy<(double, double, double)>(() => Hull is { } h
            ? OrientedBoundingBox.Fit(HullVertices().ToArray(), h.FaceNormals(roi.Spacing.X / 2, roi.Spacing.Y / 2, roi.Spacing.Z / 2))
            : (double.NaN, double.NaN, double.NaN));
        _autocorrelation = new Lazy<(double, double)>(() => SpatialAutocorrelation.Compute(roi));
    }

    /// <summary>The ROI.</summary>
    public RoiImage Roi { get; }

    /// <summary>The marching-cubes mesh.</summary>
    public TriangleMesh Mesh { get; }

    /// <summary>V, the mesh volume in mm³.</summary>
    public double MeshVolume { get; }

    /// <summary>A, the mesh area in mm².</summary>
    public double MeshArea { get; }

    /// <summary>λ₁ ≥ λ₂ ≥ λ₃ of the sample covariance (1/(N − 1)) of the morphological-mask voxel positions (mm²); 0 for one voxel.</summary>
    public double[] Eigenvalues { get; }

    /// <summary>Convex hull of the mesh vertices (null for a flat mesh).</summary>
    public ConvexHull? Hull => _hull.Value;

    /// <summary>Semi-axes of the minimum-volume enclosing ellipsoid of the hull vertices, descending.</summary>
    public double[] EnclosingEllipsoidAxes => _mvee.Value;

    /// <summary>Edge lengths of the (approximate) oriented minimum bounding box of the hull vertices.</summary>
    public (double A, double B, double C) OrientedBox => _ombb.Value;

    /// <summary>Moran's I and Geary's C of the intensity-mask voxels.</summary>
    public (double Moran, double Geary) Autocorrelation => _autocorrelation.Value;

    /// <summary>Hull vertex positions in mm.</summary>
    public IEnumerable<(double X, double Y, double Z)> HullVertices()
    {
        var h = Hull;
        if (h is null)
        {
            return [];
        }

        var s = Roi.Spacing;
        return h.VertexIndices.Select(i => h.Scale(i, s.X / 2, s.Y / 2, s.Z / 2));
    }

    private static double[] PrincipalEigenvalues(RoiImage roi)
    {
        if (roi.MorphologicalCount < 2)
        {
            return [0, 0, 0];
        }

        var size = roi.Size;
        var s = roi.Spacing;
        double sx = 0, sy = 0, sz = 0;
        var n = 0;
        for (var i = 0; i < roi.MorphologicalMask.Length; i++)
        {
            if (roi.MorphologicalMask[i])
            {
                sx += i % size.X * s.X;
                sy += i / size.X % size.Y * s.Y;
                sz += i / (size.X * size.Y) * s.Z;
                n++;
            }
        }

        double mx = sx / n, my = sy / n, mz = sz / n;
        var c = new double[9];
        for (var i = 0; i < roi.MorphologicalMask.Length; i++)
        {
            if (roi.MorphologicalMask[i])
            {
                double[] d = [i % size.X * s.X - mx, i / size.X % size.Y * s.Y - my, i / (size.X * size.Y) * s.Z - mz];
                for (var r = 0; r < 3; r++)
                {
                    for (var q = 0; q < 3; q++)
                    {
                        c[r * 3 + q] += d[r] * d[q] / (n - 1);
                    }
                }
            }
        }

        return SymmetricEigen.Eigenvalues(c, 3);
    }
}
