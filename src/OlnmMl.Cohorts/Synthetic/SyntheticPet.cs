using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// Simulates the PET of a PET/CT, co-registered with the CT (same world frame) but on its own grid: the centre's PET
/// voxel size, a field of view one voxel wider than the CT's on every side (so it covers the CT and the tumour), its
/// origin shifted by U(−½, ½) voxel per axis. The phantom's activity (SUV, averaged within each voxel) is blurred by
/// the scanner's Gaussian PSF (σ = FWHM / 2.355), gets Gaussian noise of SD NoiseScale·√activity, is scaled by the
/// centre's SUV calibration and clipped at 0.
/// </summary>
internal static class SyntheticPet
{
    /// <summary>The SUV volume of <paramref name="patient"/>; draws the grid shift and the noise from <paramref name="random"/>.</summary>
    public static Volume Render(ChestPhantom phantom, ImageGeometry ct, PetScannerProfile scanner, PetCtPatient patient, CaseRandom random)
    {
        var spacing = new Vec3(scanner.PixelSpacingMm, scanner.PixelSpacingMm, scanner.SliceThicknessMm);
        var size = new GridSize(Cover(ct.Size.X * ct.Spacing.X, spacing.X), Cover(ct.Size.Y * ct.Spacing.Y, spacing.Y), Cover(ct.Size.Z * ct.Spacing.Z, spacing.Z));
        var centre = ct.IndexToPhysical(0.5 * (ct.Size.X - 1), 0.5 * (ct.Size.Y - 1), 0.5 * (ct.Size.Z - 1));
        var shift = new Vec3(random.Uniform(-0.5, 0.5) * spacing.X, random.Uniform(-0.5, 0.5) * spacing.Y, random.Uniform(-0.5, 0.5) * spacing.Z);
        var origin = centre + shift - new Vec3(0.5 * (size.X - 1) * spacing.X, 0.5 * (size.Y - 1) * spacing.Y, 0.5 * (size.Z - 1) * spacing.Z);
        var pet = Volume.Zeros(ImageGeometry.AxisAligned(size, spacing, origin));
        var voxels = pet.Voxels;
        phantom.RenderSuv(pet.Geometry, voxels, patient.TumourSuv);
        var sigma = scanner.FwhmMm / 2.355;
        GaussianBlur.Apply(voxels, size, sigma / spacing.X, sigma / spacing.Y, sigma / spacing.Z);
        for (var i = 0; i < voxels.Length; i++)
        {
            var activity = Math.Max(0, voxels[i]);
            var value = activity + scanner.NoiseScale * Math.Sqrt(activity) * random.NextGaussian();
            voxels[i] = (float)Math.Max(0, value * scanner.SuvScale);
        }

        return pet;
    }

    /// <summary>Voxels of <paramref name="spacing"/> that span <paramref name="extentMm"/> plus one voxel on either side.</summary>
    private static int Cover(double extentMm, double spacing) => (int)Math.Ceiling(extentMm / spacing) + 2;
}
