using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The phantom's anatomy as FDG activity (SUV), for the PET of a PET/CT: the same nodule surface, core, spicules, chest
/// wall and vessels as the CT, other tissue values:
/// <list type="bullet">
/// <item>lung parenchyma 0.5 ± 0.08 (the CT's coarse value noise);</item>
/// <item>chest wall: muscle and pleura 1.6, its fat layer 0.4;</item>
/// <item>vessels (blood pool) 2.0;</item>
/// <item>the solid core: the tumour SUV · (1 + 0.35·heterogeneity·texture), the CT's texture field (heterogeneous uptake);
/// ground glass 0.9; spicules 1.0.</item>
/// </list>
/// </summary>
internal sealed partial class ChestPhantom
{
    private const double LungSuv = 0.5;
    private const double MuscleSuv = 1.6;
    private const double FatSuv = 0.4;
    private const double BloodPoolSuv = 2.0;
    private const double GroundGlassSuv = 0.9;
    private const double SpiculeSuv = 1.0;

    /// <summary>
    /// Writes the mean activity (SUV) of every voxel of <paramref name="geometry"/>, averaged over 3×3×3 points
    /// spread evenly inside the voxel: the partial-volume effect of a coarse PET voxel. <paramref name="tumourSuv"/> is
    /// the solid tumour's mean SUV (<see cref="PetCtPatient.TumourSuv"/>).
    /// </summary>
    public void RenderSuv(ImageGeometry geometry, Span<float> suv, double tumourSuv)
    {
        var size = geometry.Size;
        var reach = _shape.ReachMm;
        for (var k = 0; k < size.Z; k++)
        {
            for (var j = 0; j < size.Y; j++)
            {
                for (var i = 0; i < size.X; i++)
                {
                    var sum = 0.0;
                    for (var c = -1; c <= 1; c++)
                    {
                        for (var b = -1; b <= 1; b++)
                        {
                            for (var a = -1; a <= 1; a++)
                            {
                                var p = geometry.IndexToPhysical(i + a / 3.0, j + b / 3.0, k + c / 3.0) - _centre;
                                sum += Activity(p.X, p.Y, p.Z, reach, tumourSuv);
                            }
                        }
                    }

                    suv[size.Index(i, j, k)] = (float)(sum / 27);
                }
            }
        }
    }

    private double Activity(double x, double y, double z, double reach, double tumourSuv)
    {
        var value = LungSuv + 0.08 * _coarse.Sample(x / 6, y / 6, z / 6);
        var s = WallDepth(x, y, z);
        if (s > -1)
        {
            value = Blend(value, s is > 2 and < 7 ? FatSuv : MuscleSuv, s / 0.7 + 0.5);
        }

        for (var v = 0; v < _vessels.Length; v += 7)
        {
            value = Blend(value, BloodPoolSuv, VesselCoverage(v, x, y, z));
        }

        var length = Math.Sqrt(x * x + y * y + z * z);
        if (length >= reach)
        {
            return value;
        }

        value = Blend(value, SpiculeSuv, _shape.Spicule(x, y, z));
        var surface = length > 1e-9 ? _shape.SurfaceRadius(x, y, z, length) : _shape.Radius;
        var core = _patient.SolidFraction * surface;
        var solid = tumourSuv * Math.Max(0.2, 1 + 0.35 * _patient.Heterogeneity * _texture.Sample(x / 2.5, y / 2.5, z / 2.5));
        var tissue = Blend(GroundGlassSuv, solid, (core - length) / 1.0 + 0.5);
        return Blend(value, tissue, (surface - length) / 0.8 + 0.5);
    }
}
