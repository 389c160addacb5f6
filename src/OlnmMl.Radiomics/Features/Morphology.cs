using OlnmMl.Radiomics.Mesh;

namespace OlnmMl.Radiomics.Features;

/// <summary>
/// Morphological features (IBSI 1 §3.1). V and A are the volume and area of the marching-cubes mesh of
/// the morphological mask, λ₁ ≥ λ₂ ≥ λ₃ the principal component eigenvalues of its voxel positions.
/// </summary>
public static class Morphology
{
    /// <summary>The bound feature methods.</summary>
    public static FeatureTable<MorphologySample> Table { get; } = new(typeof(Morphology));

    /// <summary>Volume (mesh) V = Σ_f a_f·(b_f × c_f)/6 in mm³.</summary>
    [IbsiFeature("volume", "RNU0")]
    public static double Volume(MorphologySample m) => m.MeshVolume;

    /// <summary>Volume (voxel counting) N_v·Δx·Δy·Δz in mm³.</summary>
    [IbsiFeature("approx_volume", "YEKZ")]
    public static double VoxelVolume(MorphologySample m) => m.Roi.MorphologicalCount * m.Roi.VoxelVolume;

    /// <summary>Surface area (mesh) A = Σ_f |(b_f − a_f) × (c_f − a_f)|/2 in mm².</summary>
    [IbsiFeature("area", "C0JK")]
    public static double Area(MorphologySample m) => m.MeshArea;

    /// <summary>Surface to volume ratio A/V.</summary>
    [IbsiFeature("surface_volume_ratio", "2PR5")]
    public static double SurfaceToVolumeRatio(MorphologySample m) => m.MeshArea / m.MeshVolume;

    /// <summary>Compactness 1: V/(π^{1/2} A^{3/2}).</summary>
    [IbsiFeature("compactness_1", "SKGS")]
    public static double Compactness1(MorphologySample m) => m.MeshVolume / (Math.Sqrt(Math.PI) * Math.Pow(m.MeshArea, 1.5));

    /// <summary>Compactness 2: 36π V²/A³.</summary>
    [IbsiFeature("compactness_2", "BQWJ")]
    public static double Compactness2(MorphologySample m) => 36 * Math.PI * m.MeshVolume * m.MeshVolume / Math.Pow(m.MeshArea, 3);

    /// <summary>Spherical disproportion A/(36π V²)^{1/3}.</summary>
    [IbsiFeature("spherical_disproportion", "KRCK")]
    public static double SphericalDisproportion(MorphologySample m) => m.MeshArea / SphereArea(m);

    /// <summary>Sphericity (36π V²)^{1/3}/A.</summary>
    [IbsiFeature("sphericity", "QCFX")]
    public static double Sphericity(MorphologySample m) => SphereArea(m) / m.MeshArea;

    /// <summary>Asphericity (A³/(36π V²))^{1/3} − 1.</summary>
    [IbsiFeature("asphericity", "25C7")]
    public static double Asphericity(MorphologySample m) => m.MeshArea / SphereArea(m) - 1;

    /// <summary>Centre of mass shift ‖(1/N_v) Σ r_k − Σ X_k r_k / Σ X_k‖: geometric centre of the morphological mask vs the intensity-weighted centre of the intensity mask.</summary>
    [IbsiFeature("com_shift", "KLMA")]
    public static double CentreOfMassShift(MorphologySample m)
    {
        var roi = m.Roi;
        var size = roi.Size;
        double gx = 0, gy = 0, gz = 0, wx = 0, wy = 0, wz = 0, w = 0;
        for (var i = 0; i < roi.MorphologicalMask.Length; i++)
        {
            double x = i % size.X * roi.Spacing.X, y = i / size.X % size.Y * roi.Spacing.Y, z = i / (size.X * size.Y) * roi.Spacing.Z;
            if (roi.MorphologicalMask[i])
            {
                (gx, gy, gz) = (gx + x, gy + y, gz + z);
            }

            if (roi.IntensityMask[i])
            {
                double v = roi.Intensities[i];
                (wx, wy, wz, w) = (wx + v * x, wy + v * y, wz + v * z, w + v);
            }
        }

        var n = roi.MorphologicalCount;
        double dx = gx / n - wx / w, dy = gy / n - wy / w, dz = gz / n - wz / w;
        return Math.Sqrt(dx * dx + dy * dy + dz * dz);
    }

    /// <summary>Maximum 3D diameter: the largest distance between two mesh (convex hull) vertices.</summary>
    [IbsiFeature("diam", "L0JK")]
    public static double MaximumDiameter(MorphologySample m)
    {
        var points = m.HullVertices().ToArray();
        double best = 0;
        for (var i = 0; i < points.Length; i++)
        {
            for (var j = i + 1; j < points.Length; j++)
            {
                double dx = points[i].X - points[j].X, dy = points[i].Y - points[j].Y, dz = points[i].Z - points[j].Z;
                best = Math.Max(best, dx * dx + dy * dy + dz * dz);
            }
        }

        return points.Length == 0 ? double.NaN : Math.Sqrt(best);
    }

    /// <summary>Major axis length 4√λ₁.</summary>
    [IbsiFeature("pca_major", "TDIC")]
    public static double MajorAxisLength(MorphologySample m) => 4 * Math.Sqrt(m.Eigenvalues[0]);

    /// <summary>Minor axis length 4√λ₂.</summary>
    [IbsiFeature("pca_minor", "P9VJ")]
    public static double MinorAxisLength(MorphologySample m) => 4 * Math.Sqrt(m.Eigenvalues[1]);

    /// <summary>Least axis length 4√λ₃.</summary>
    [IbsiFeature("pca_least", "7J51")]
    public static double LeastAxisLength(MorphologySample m) => 4 * Math.Sqrt(m.Eigenvalues[2]);

    /// <summary>Elongation √(λ₂/λ₁).</summary>
    [IbsiFeature("pca_elongation", "Q3CK")]
    public static double Elongation(MorphologySample m) => Math.Sqrt(m.Eigenvalues[1] / m.Eigenvalues[0]);

    /// <summary>Flatness √(λ₃/λ₁).</summary>
    [IbsiFeature("pca_flatness", "N17B")]
    public static double Flatness(MorphologySample m) => Math.Sqrt(m.Eigenvalues[2] / m.Eigenvalues[0]);

    /// <summary>Volume density (axis-aligned bounding box) V/V_aabb, the box spanned by the mesh vertices.</summary>
    [IbsiFeature("v_dens_aabb", "PBX1")]
    public static double VolumeDensityAabb(MorphologySample m)
    {
        var (x, y, z) = BoxEdges(m);
        return m.MeshVolume / (x * y * z);
    }

    /// <summary>Area density (axis-aligned bounding box) A/A_aabb, A_aabb = 2(xy + yz + xz).</summary>
    [IbsiFeature("a_dens_aabb", "R59B")]
    public static double AreaDensityAabb(MorphologySample m)
    {
        var (x, y, z) = BoxEdges(m);
        return m.MeshArea / (2 * (x * y + y * z + x * z));
    }

    /// <summary>Volume density (oriented minimum bounding box) V/(abc), the box from <see cref="OrientedBoundingBox"/>.</summary>
    [IbsiFeature("v_dens_ombb", "ZH1A")]
    public static double VolumeDensityOmbb(MorphologySample m)
    {
        var (a, b, c) = m.OrientedBox;
        return m.MeshVolume / (a * b * c);
    }

    /// <summary>Area density (oriented minimum bounding box) A/(2(ab + bc + ac)), the same box as ZH1A.</summary>
    [IbsiFeature("a_dens_ombb", "IQYR")]
    public static double AreaDensityOmbb(MorphologySample m)
    {
        var (a, b, c) = m.OrientedBox;
        return m.MeshArea / (2 * (a * b + b * c + a * c));
    }

    /// <summary>Volume density (approximate enclosing ellipsoid) V/(4π abc/3), semi-axes a = 2√λ₁, b = 2√λ₂, c = 2√λ₃.</summary>
    [IbsiFeature("v_dens_aee", "6BDE")]
    public static double VolumeDensityAee(MorphologySample m)
    {
        var (a, b, c) = PcaSemiAxes(m);
        return m.MeshVolume / Ellipsoid.Volume(a, b, c);
    }

    /// <summary>Area density (approximate enclosing ellipsoid) A/A_aee, A_aee by <see cref="Ellipsoid.SurfaceArea"/>.</summary>
    [IbsiFeature("a_dens_aee", "RDD2")]
    public static double AreaDensityAee(MorphologySample m)
    {
        var (a, b, c) = PcaSemiAxes(m);
        return m.MeshArea / Ellipsoid.SurfaceArea(a, b, c);
    }

    /// <summary>Volume density (minimum volume enclosing ellipsoid of the hull vertices) V/V_mvee.</summary>
    [IbsiFeature("v_dens_mvee", "SWZ1")]
    public static double VolumeDensityMvee(MorphologySample m)
    {
        var axes = m.EnclosingEllipsoidAxes;
        return m.MeshVolume / Ellipsoid.Volume(axes[0], axes[1], axes[2]);
    }

    /// <summary>Area density (minimum volume enclosing ellipsoid) A/A_mvee.</summary>
    [IbsiFeature("a_dens_mvee", "BRI8")]
    public static double AreaDensityMvee(MorphologySample m)
    {
        var axes = m.EnclosingEllipsoidAxes;
        return m.MeshArea / Ellipsoid.SurfaceArea(axes[0], axes[1], axes[2]);
    }

    /// <summary>Volume density (convex hull) V/V_convex.</summary>
    [IbsiFeature("v_dens_conv_hull", "R3ER")]
    public static double VolumeDensityConvexHull(MorphologySample m)
    {
        var s = m.Roi.Spacing;
        return m.Hull is { } h ? m.MeshVolume / h.Volume(s.X / 2, s.Y / 2, s.Z / 2) : double.NaN;
    }

    /// <summary>Area density (convex hull) A/A_convex.</summary>
    [IbsiFeature("a_dens_conv_hull", "7T7F")]
    public static double AreaDensityConvexHull(MorphologySample m)
    {
        var s = m.Roi.Spacing;
        return m.Hull is { } h ? m.MeshArea / h.Area(s.X / 2, s.Y / 2, s.Z / 2) : double.NaN;
    }

    /// <summary>Integrated intensity V·μ, μ the mean intensity of the intensity mask.</summary>
    [IbsiFeature("integ_int", "99N0")]
    public static double IntegratedIntensity(MorphologySample m) =>
        m.Roi.IntensityCount == 0 ? double.NaN : m.MeshVolume * m.Roi.MaskedIntensities().Average();

    /// <summary>Moran's I over all voxel pairs (exact, by FFT convolution): N/Σw · Σ_k Σ_{l≠k} w_kl (X_k − μ)(X_l − μ) / Σ_k (X_k − μ)², w_kl = 1/‖r_k − r_l‖.</summary>
    [IbsiFeature("moran_i", "N365")]
    public static double MoransI(MorphologySample m) => m.Autocorrelation.Moran;

    /// <summary>Geary's C: (N − 1)/(2Σw) · Σ_k Σ_{l≠k} w_kl (X_k − X_l)² / Σ_k (X_k − μ)².</summary>
    [IbsiFeature("geary_c", "NPT7")]
    public static double GearysC(MorphologySample m) => m.Autocorrelation.Geary;

    private static double SphereArea(MorphologySample m) => Math.Cbrt(36 * Math.PI * m.MeshVolume * m.MeshVolume);

    private static (double A, double B, double C) PcaSemiAxes(MorphologySample m) =>
        (2 * Math.Sqrt(m.Eigenvalues[0]), 2 * Math.Sqrt(m.Eigenvalues[1]), 2 * Math.Sqrt(m.Eigenvalues[2]));

    private static (double X, double Y, double Z) BoxEdges(MorphologySample m)
    {
        var lattice = m.Mesh.Lattice;
        var s = m.Roi.Spacing;
        return ((lattice.Max(p => p.X) - lattice.Min(p => p.X)) * s.X / 2,
            (lattice.Max(p => p.Y) - lattice.Min(p => p.Y)) * s.Y / 2,
            (lattice.Max(p => p.Z) - lattice.Min(p => p.Z)) * s.Z / 2);
    }
}
