using OlnmMl.Imaging;
using OlnmMl.Imaging.Geometry;

namespace OlnmMl.Cohorts.Synthetic;

/// <summary>
/// Produces one case from its slot: draws the patient given the slot's label (<see cref="LabelModel.SampleGiven"/>),
/// renders the <see cref="ChestPhantom"/> on the centre's grid, then simulates the scanner: Gaussian blur
/// (in-plane σ = BlurSigmaMm, through-plane slice profile σ = thickness / 2.355), white noise of SD NoiseSd, the
/// HU calibration offset, rounding and clipping to [−1024, 3071]. Every draw comes from the case's own
/// <see cref="CaseRandom"/>(seed, index), so the result depends on nothing but (seed, slot).
/// </summary>
public static class SyntheticCase
{
    /// <summary>The patient, CT (HU, integer-valued) and mask of <paramref name="slot"/>.</summary>
    public static (SyntheticPatient Patient, Volume Image, Volume Mask) Create(StudyDesign design, CaseSlot slot, ulong seed) =>
        Create(design, slot, seed, null);

    /// <summary>As <see cref="Create(StudyDesign, CaseSlot, ulong)"/>, with voxel arrays taken from (and owned by) <paramref name="buffers"/>.</summary>
    internal static (SyntheticPatient Patient, Volume Image, Volume Mask) Create(StudyDesign design, CaseSlot slot, ulong seed, VoxelBuffers? buffers)
    {
        var random = new CaseRandom(seed, (ulong)slot.Index);
        var patient = LabelModel.SampleGiven(slot.Label, slot.Centre, random);
        var (image, mask, _) = RenderCt(design, slot.Centre, patient, random, buffers);
        return (patient, image, mask);
    }

    /// <summary>
    /// Renders <paramref name="patient"/>'s CT and mask on the centre's grid, drawing the anatomy and the noise from
    /// <paramref name="random"/>; also returns the phantom, so that a PET can show the same anatomy.
    /// </summary>
    internal static (Volume Image, Volume Mask, ChestPhantom Phantom) RenderCt(
        StudyDesign design, CentreProfile centre, SyntheticPatient patient, CaseRandom random, VoxelBuffers? buffers)
    {
        var scanner = centre.Scanner;
        var slices = Math.Max(8, (int)Math.Round(design.ExtentZMm / scanner.SliceThicknessMm));
        var size = new GridSize(design.InPlaneVoxels, design.InPlaneVoxels, slices);
        var spacing = new Vec3(scanner.PixelSpacingMm, scanner.PixelSpacingMm, scanner.SliceThicknessMm);
        var origin = new Vec3(
            -0.5 * (size.X - 1) * spacing.X, -0.5 * (size.Y - 1) * spacing.Y, -0.5 * (size.Z - 1) * spacing.Z);
        var geometry = ImageGeometry.AxisAligned(size, spacing, origin);
        var phantom = new ChestPhantom(patient, scanner.ContrastEnhanced, design.InPlaneVoxels * scanner.PixelSpacingMm, random);
        var (imageVoxels, maskVoxels) = buffers?.Get(size.Count) ?? (new float[size.Count], new float[size.Count]);
        var image = new Volume(geometry, imageVoxels);
        var mask = new Volume(geometry, maskVoxels);
        phantom.Render(geometry, image.Voxels, mask.Voxels);
        GaussianBlur.Apply(image.Voxels, size, scanner.BlurSigmaMm / spacing.X, scanner.BlurSigmaMm / spacing.Y, 1 / 2.355);
        var voxels = image.Voxels;
        for (var i = 0; i < voxels.Length; i++)
        {
            var value = voxels[i] + scanner.NoiseSd * random.NextGaussian() + scanner.HuOffset;
            voxels[i] = (float)Math.Clamp(Math.Round(value), -1024, 3071);
        }

        return (image, mask, phantom);
    }
}
