using OlnmMl.Cohorts.Manifest;
using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// The noise-free anatomy of one case around its nodule, in HU, evaluated at voxel centres (mm, relative to the
/// nodule centre):
/// <list type="bullet">
/// <item>parenchyma −850 HU + two octaves of value noise (±30 HU at 6 mm, ±12 HU at 2 mm);</item>
/// <item>chest wall beyond a plane: pleura/muscle 45 HU with a 5 mm fat layer (−90 HU); 3–9 mm from the nodule
/// surface for outer nodules, 14–24 mm for middle ones, absent for inner ones;</item>
/// <item>vessels: straight tubes, 40 HU (200 HU with contrast); 7 thick ones (2–4 mm) near inner nodules, 5 for
/// middle, 3 thin ones for outer;</item>
/// <item>the nodule (<see cref="NoduleShape"/>): a solid core 30 HU + heterogeneity·±70 HU texture (+25 HU with
/// contrast) inside SolidFraction·r(d), a ground-glass rim −520 HU ± 50 HU outside it, spicules at 20 HU;</item>
/// <item>the peritumoral signal: within 7 mm outside the surface, + 40·max(0, score + 1)·(1 − s/7) HU of hazy
/// texture (s = distance to the surface), outside the mask so only an image model sees it.</item>
/// </list>
/// The mask is the set of voxel centres within the lobulated surface (spicules excluded). The same anatomy renders as
/// PET activity (SUV) in ChestPhantom.Suv.cs.
/// </summary>
internal sealed partial class ChestPhantom
{
    private const double ParenchymaHu = -850;
    private const double PeritumoralReachMm = 7;
    private readonly SyntheticPatient _patient;
    private readonly bool _contrast;
    private readonly NoduleShape _shape;
    private readonly Vec3 _centre;
    private readonly (double X, double Y, double Z) _wallNormal;
    private readonly double _wallDistance;
    private readonly double[] _vessels; // per vessel: px, py, pz, ux, uy, uz, radius
    private readonly ValueNoise _coarse, _fine, _texture, _haze;

    public ChestPhantom(SyntheticPatient patient, bool contrastEnhanced, double fieldOfViewMm, CaseRandom random)
    {
        _patient = patient;
        _contrast = contrastEnhanced;
        var radius = patient.DiameterCm * 10 / 2;
        _shape = new NoduleShape(radius, patient.Lobulation, patient.Spiculation, random);
        _centre = new Vec3(random.Uniform(-3, 3), random.Uniform(-3, 3), random.Uniform(-2, 2));
        var angle = random.Uniform(0, 2 * Math.PI);
        _wallNormal = (Math.Cos(angle), Math.Sin(angle), 0);
        _wallDistance = patient.Location switch
        {
            NoduleLocation.Outer => radius + random.Uniform(3, 9),
            NoduleLocation.Middle => radius + random.Uniform(14, 24),
            _ => double.PositiveInfinity,
        };
        var (count, minRadius, maxRadius) = patient.Location switch
        {
            NoduleLocation.Inner => (7, 2.0, 4.0),
            NoduleLocation.Middle => (5, 1.0, 2.5),
            _ => (3, 0.6, 1.6),
        };
        _vessels = new double[7 * count];
        for (var v = 0; v < count; v++)
        {
            var vesselRadius = random.Uniform(minRadius, maxRadius);
            var (ux, uy, uz) = random.UnitVector();
            double px, py, pz;
            do
            {
                px = random.Uniform(-0.5, 0.5) * fieldOfViewMm;
                py = random.Uniform(-0.5, 0.5) * fieldOfViewMm;
                pz = random.Uniform(-0.5, 0.5) * fieldOfViewMm;
            }
            while (LineDistance(0, 0, 0, px, py, pz, ux, uy, uz) < radius + vesselRadius + 1);

            new[] { px, py, pz, ux, uy, uz, vesselRadius }.CopyTo(_vessels, 7 * v);
        }

        _coarse = new ValueNoise(random.NextUInt64());
        _fine = new ValueNoise(random.NextUInt64());
        _texture = new ValueNoise(random.NextUInt64());
        _haze = new ValueNoise(random.NextUInt64());
    }

    /// <summary>Writes HU values and the mask (0/1) at every voxel centre of <paramref name="geometry"/>.</summary>
    public void Render(ImageGeometry geometry, Span<float> hu, Span<float> mask)
    {
        var size = geometry.Size;
        var reach = _shape.ReachMm + PeritumoralReachMm;
        for (var k = 0; k < size.Z; k++)
        {
            for (var j = 0; j < size.Y; j++)
            {
                for (var i = 0; i < size.X; i++)
                {
                    var p = geometry.IndexToPhysical(i, j, k) - _centre;
                    var index = size.Index(i, j, k);
                    var value = Background(p.X, p.Y, p.Z);
                    var inside = false;
                    var length = p.Length;
                    if (length < reach)
                    {
                        value = Nodule(p.X, p.Y, p.Z, length, value, out inside);
                    }

                    hu[index] = (float)value;
                    mask[index] = inside ? 1f : 0f;
                }
            }
        }
    }

    private double Background(double x, double y, double z)
    {
        var value = ParenchymaHu + 30 * _coarse.Sample(x / 6, y / 6, z / 6) + 12 * _fine.Sample(x / 2, y / 2, z / 2);
        var s = WallDepth(x, y, z);
        if (s > -1)
        {
            var tissue = (s is > 2 and < 7 ? -90 : 45 + (_contrast ? 20 : 0)) + 10 * _fine.Sample(x, y, z);
            value = Blend(value, tissue, s / 0.7 + 0.5);
        }

        var vesselHu = _contrast ? 200 : 40;
        for (var v = 0; v < _vessels.Length; v += 7)
        {
            value = Blend(value, vesselHu, VesselCoverage(v, x, y, z));
        }

        return value;
    }

    private double Nodule(double x, double y, double z, double length, double background, out bool inside)
    {
        var surface = length > 1e-9 ? _shape.SurfaceRadius(x, y, z, length) : _shape.Radius;
        inside = length <= surface;
        var outside = length - surface;
        var value = background;
        if (outside > 0 && outside < PeritumoralReachMm)
        {
            var amplitude = 40 * Math.Max(0, _patient.Peritumoral + 1);
            value += amplitude * (1 - outside / PeritumoralReachMm) * (0.6 + 0.4 * _haze.Sample(x / 1.5, y / 1.5, z / 1.5));
        }

        value = Blend(value, 20 + (_contrast ? 25 : 0), _shape.Spicule(x, y, z));
        double tissue;
        if (length <= _patient.SolidFraction * surface + 0.5)
        {
            tissue = 30 + 70 * _patient.Heterogeneity * _texture.Sample(x / 2.5, y / 2.5, z / 2.5) + (_contrast ? 25 : 0);
            var core = _patient.SolidFraction * surface;
            if (_patient.SolidFraction < 1 && length > core - 0.5)
            {
                tissue = Blend(GroundGlass(x, y, z), tissue, (core - length) / 1.0 + 0.5);
            }
        }
        else
        {
            tissue = GroundGlass(x, y, z);
        }

        return Blend(value, tissue, (surface - length) / 0.8 + 0.5);
    }

    /// <summary>Signed distance (mm) beyond the pleural plane: &gt; 0 inside the chest wall.</summary>
    private double WallDepth(double x, double y, double z) => x * _wallNormal.X + y * _wallNormal.Y + z * _wallNormal.Z - _wallDistance;

    /// <summary>Blend weight of vessel <paramref name="v"/> (offset into the vessel table) at (x, y, z): ≥ 1 inside, ≤ 0 beyond a 0.6 mm edge.</summary>
    private double VesselCoverage(int v, double x, double y, double z)
    {
        var d = LineDistance(x, y, z, _vessels[v], _vessels[v + 1], _vessels[v + 2], _vessels[v + 3], _vessels[v + 4], _vessels[v + 5]);
        return (_vessels[v + 6] - d) / 0.6 + 0.5;
    }

    private double GroundGlass(double x, double y, double z) => -520 + 50 * _texture.Sample(x / 2, y / 2, z / 2);

    private static double Blend(double from, double to, double weight) => from + (to - from) * Math.Clamp(weight, 0, 1);

    private static double LineDistance(double x, double y, double z, double px, double py, double pz, double ux, double uy, double uz)
    {
        var dx = x - px;
        var dy = y - py;
        var dz = z - pz;
        var t = dx * ux + dy * uy + dz * uz;
        return Math.Sqrt(Math.Max(0, dx * dx + dy * dy + dz * dz - t * t));
    }
}
